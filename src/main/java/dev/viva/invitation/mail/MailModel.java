package dev.viva.invitation.mail;

/**
 * What an invitation mail says, already in words: the templates ({@code templates/mail/invitation.html|txt}) only
 * lay it out, and the HTML one escapes every value.
 *
 * @param kind     INVITATION, REMINDER or RESEND
 * @param opensAt  when the window opens, written out; null when it is open already
 */
public record MailModel(String kind, String headline, String company, String candidateName, String roleName,
                        String interviewerName, int plannedMinutes, String opensAt, String closesAt,
                        String joinUrl) {
}
