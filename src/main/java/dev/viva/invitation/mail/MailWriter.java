package dev.viva.invitation.mail;

import dev.viva.invitation.InvitationConfig;
import dev.viva.invitation.MailDelivery;
import dev.viva.interview.Interview;
import dev.viva.platform.config.ServerConfig;
import dev.viva.role.RoleTemplates;
import dev.viva.role.RoleTemplate;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Writes a candidate's mail (subject, plain text and HTML) from the interview, its role and the join link. */
@ApplicationScoped
public class MailWriter {

    /** A mail ready to send. */
    public record Written(String subject, String text, String html) {
    }

    private final Template text;
    private final Template html;
    private final RoleTemplates roles;
    private final ServerConfig server;
    private final MailConfig mail;
    private final DateTimeFormatter dates;

    MailWriter(@Location("mail/invitation.txt") Template text, @Location("mail/invitation.html") Template html,
               RoleTemplates roles, ServerConfig server, MailConfig mail, InvitationConfig invitations) {
        this.text = text;
        this.html = html;
        this.roles = roles;
        this.server = server;
        this.mail = mail;
        this.dates = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm (zzz)", Locale.ENGLISH)
                .withZone(invitations.timeZone());
    }

    public Written write(MailDelivery.Kind kind, Interview interview, String candidateToken, Instant now) {
        RoleTemplate role = roles.version(interview.roleId, interview.roleVersion).orElse(null);
        String roleName = role == null ? interview.roleId : role.name();
        String company = mail.fromName();
        String closes = interview.closesAt == null ? "no closing date" : dates.format(interview.closesAt);
        String opens = interview.opensAt == null || !interview.opensAt.isAfter(now) ? null : dates.format(interview.opensAt);
        String interviewer = role == null ? "the interviewer" : role.persona().name();
        String headline = switch (kind) {
            case INVITATION -> company + " invites you to an interview for the " + roleName + " role, with "
                    + interviewer + ".";
            case REMINDER -> "A reminder: you have not started your interview for the " + roleName
                    + " role yet, and it closes on " + closes + ".";
            case RESEND -> "Here is your interview link for the " + roleName + " role again.";
        };
        String subject = switch (kind) {
            case INVITATION -> "Interview invitation: " + roleName + " at " + company;
            case REMINDER -> "Reminder: your " + roleName + " interview closes on " + closes;
            case RESEND -> "Your interview link, sent again: " + roleName + " at " + company;
        };
        MailModel model = new MailModel(kind.name(), headline, company, interview.candidateName, roleName, interviewer,
                role == null ? 0 : role.totalMinutes(), opens, closes,
                Interview.joinUrl(server.publicUrl(), interview.id, candidateToken));
        return new Written(subject, text.data("m", model).render(), html.data("m", model).render());
    }
}
