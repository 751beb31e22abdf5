package dev.viva.invitation.mail;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.LoginOption;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import io.vertx.ext.mail.StartTLSOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Sends one mail over SMTP with the Vert.x mail client (pooled connections), waiting for the server's verdict. */
@ApplicationScoped
public class SmtpSender {

    /** How an attempt went. A bounce is a permanent refusal of the recipient: sending again would not help. */
    public sealed interface Result {
        record Sent() implements Result {
        }

        record Bounced(String reply) implements Result {
        }

        record Failed(String error) implements Result {
        }
    }

    /** Replies that refuse the mailbox itself (RFC 5321 4.2.3): unknown user, not local, mailbox name not allowed. */
    private static final Set<Integer> MAILBOX_REFUSED = Set.of(550, 551, 553);

    private final MailConfig config;
    private final Vertx vertx;
    private volatile MailClient client;

    SmtpSender(MailConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.enabled() && config.from().filter(f -> !f.isBlank()).isEmpty()) {
            throw new IllegalStateException("viva.mail.enabled is true but viva.mail.from (VIVA_MAIL_FROM) is not set: "
                    + "set the address the invitations are sent from");
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (client != null) {
            client.close();
        }
    }

    public Result send(String to, MailWriter.Written mail) {
        MailMessage message = new MailMessage()
                .setFrom(config.from().orElseThrow() + " (" + config.fromName() + ")")
                .setTo(List.of(to))
                .setSubject(mail.subject())
                .setText(mail.text())
                .setHtml(mail.html());
        config.replyTo().ifPresent(r -> message.setHeaders(MultiMap.caseInsensitiveMultiMap()
                .add("Reply-To", r)));
        try {
            client().sendMail(message).toCompletionStage().toCompletableFuture()
                    .get(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
            return new Result.Sent();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SMTPException smtp && MAILBOX_REFUSED.contains(smtp.getReplyCode())) {
                return new Result.Bounced(reply(smtp));
            }
            return new Result.Failed(cause instanceof SMTPException smtp ? reply(smtp)
                    : cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (TimeoutException e) {
            return new Result.Failed("the SMTP server did not answer within " + config.timeout().toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result.Failed("interrupted while sending");
        }
    }

    /** The server's reply as it said it: code and text ({@code 550 5.1.1 <a@b>: unknown mailbox}). */
    private static String reply(SMTPException e) {
        String text = e.getReplyMessage();
        String code = Integer.toString(e.getReplyCode());
        return text != null && text.startsWith(code) ? text : code + " " + text;
    }

    private MailClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = MailClient.create(vertx, clientConfig());
                }
            }
        }
        return client;
    }

    private io.vertx.ext.mail.MailConfig clientConfig() {
        var c = new io.vertx.ext.mail.MailConfig()
                .setHostname(config.host())
                .setPort(config.port())
                .setKeepAlive(true)
                .setConnectTimeout((int) config.timeout().toMillis())
                // the Vert.x default checks no host name at all: a TLS connection must be to the configured server
                .setHostnameVerificationAlgorithm("HTTPS");
        switch (config.tls()) {
            case NONE -> c.setStarttls(StartTLSOptions.DISABLED);
            case STARTTLS -> c.setStarttls(StartTLSOptions.OPTIONAL);
            case STARTTLS_REQUIRED -> c.setStarttls(StartTLSOptions.REQUIRED);
            case TLS -> c.setSsl(true).setStarttls(StartTLSOptions.DISABLED);
        }
        if (config.username().isPresent()) {
            c.setLogin(LoginOption.REQUIRED).setUsername(config.username().get())
                    .setPassword(config.password().orElse(""));
        } else {
            c.setLogin(LoginOption.DISABLED);
        }
        return c;
    }
}
