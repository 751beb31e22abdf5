package dev.viva.invitation;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the application with mail on, against a real SMTP server (GreenMail) the test starts on loopback. The server
 * refuses every mailbox at {@value #BOUNCING_DOMAIN} with {@code 550 5.1.1}, as a real one refuses an unknown user.
 * Mails are polled for every second (the scheduler's shortest period), and reminders are due one hour before a
 * window closes, looked for every second.
 */
public class MailProfile implements QuarkusTestProfile {

    public static final String BOUNCING_DOMAIN = "bounce.example.test";

    /** The running server; set while the profile's application runs. */
    static volatile GreenMail smtp;
    private static volatile ServerSetup setup;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "viva.mail.poll-interval", "1S",
                "viva.mail.retry-schedule", "0.2S,0.2S",
                "viva.invitations.remind-before", "1H",
                "viva.invitations.sweep-interval", "1S");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Server.class));
    }

    /** Takes the SMTP server away, as an outage would; {@link #startServer} brings it back on the same port. */
    static void stopServer() {
        smtp.stop();
    }

    static void startServer() {
        smtp = new RefusingGreenMail(setup);
        smtp.start();
    }

    /** The mails GreenMail has received for one address. */
    static List<MimeMessage> received(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(address));
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** The text of a mail's part of this type (text/plain or text/html), wherever it is nested. */
    static String part(MimeMessage message, String type) {
        try {
            String found = find(message, type);
            if (found == null) {
                throw new AssertionError("the mail has no " + type + " part");
            }
            return found;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String find(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type)) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multi) {
            for (int i = 0; i < multi.getCount(); i++) {
                BodyPart child = multi.getBodyPart(i);
                String found = find(child, type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    public static class Server implements QuarkusTestResourceLifecycleManager {

        @Override
        public Map<String, String> start() {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
            startServer();
            Map<String, String> config = new HashMap<>();
            config.put("viva.mail.enabled", "true");
            config.put("viva.mail.host", "127.0.0.1");
            config.put("viva.mail.port", Integer.toString(port));
            config.put("viva.mail.tls", "NONE");
            config.put("viva.mail.from", "interviews@viva.example.test");
            config.put("viva.mail.from-name", "Acme & Sons");
            return config;
        }

        @Override
        public void stop() {
            smtp.stop();
            smtp = null;
        }
    }

    /** GreenMail whose SMTP server refuses the mailboxes of the bouncing domain at RCPT time. */
    static class RefusingGreenMail extends GreenMail {

        RefusingGreenMail(ServerSetup setup) {
            super(setup);
        }

        @Override
        protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
            this.managers = new RefusingManagers();
            return super.createServices(config, this.managers);
        }
    }

    static class RefusingManagers extends Managers {

        private SmtpManager smtp;

        @Override
        public synchronized SmtpManager getSmtpManager() {
            if (smtp == null) {
                smtp = new SmtpManager(getImapHostManager(), getUserManager()) {
                    @Override
                    public String checkRecipient(SmtpState state, MailAddress address) {
                        return address.getHost().equalsIgnoreCase(BOUNCING_DOMAIN)
                                ? "550 5.1.1 <" + address.getEmail() + ">: unknown mailbox" : null;
                    }
                };
            }
            return smtp;
        }
    }
}
