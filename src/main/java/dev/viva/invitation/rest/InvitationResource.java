package dev.viva.invitation.rest;

import dev.viva.invitation.MailDelivery;
import dev.viva.invitation.service.Invitations;
import dev.viva.platform.audit.AuditLog;
import dev.viva.platform.security.RecruiterOnly;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An interview's e-mailed invitation: its mails and their fate, and sending it again. */
@Path("/api/v1/interviews/{id}/invitation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Interviews")
public class InvitationResource {

    @RegisterForReflection
    @Schema(requiredProperties = {"id", "kind", "recipient", "status", "attempts", "createdAt"})
    public record DeliveryView(UUID id, MailDelivery.Kind kind,
                               @Schema(examples = "ada@example.com") String recipient,
                               @Schema(description = "PENDING (queued or between retries), SENDING, SENT, FAILED "
                                       + "(retries used up) or BOUNCED (the recipient's server refused the mailbox)")
                               MailDelivery.Status status,
                               @Schema(examples = "1") int attempts,
                               @Schema(description = "the SMTP server's reply, or why it could not be reached",
                                       examples = "550 5.1.1 unknown mailbox") String lastError,
                               Instant createdAt, Instant sentAt,
                               @Schema(description = "when the next try is due, while PENDING") Instant nextAttemptAt) {

        static DeliveryView of(MailDelivery d) {
            return new DeliveryView(d.id, d.kind, d.recipient, d.status, d.attempts, d.lastError, d.createdAt,
                    d.sentAt, d.nextAttemptAt);
        }
    }

    @RegisterForReflection
    @Schema(requiredProperties = {"interviewId", "recipient", "closesAt", "createdAt", "deliveries"})
    public record InvitationView(UUID interviewId, @Schema(examples = "ada@example.com") String recipient,
                                 Instant opensAt, Instant closesAt, Instant createdAt,
                                 @Schema(description = "when the reminder was queued; absent until then")
                                 Instant remindedAt,
                                 @Schema(description = "every mail of this invitation, newest first")
                                 List<DeliveryView> deliveries) {
    }

    private final Invitations invitations;
    private final AuditLog audit;

    InvitationResource(Invitations invitations, AuditLog audit) {
        this.invitations = invitations;
        this.audit = audit;
    }

    @GET
    @RecruiterOnly
    @Operation(operationId = "getInvitation", summary = "Get an interview's invitation",
            description = "The scheduling window and every mail sent for it (invitation, reminder, resends) with "
                    + "its status, attempts and last error: a FAILED or BOUNCED mail never reached the candidate.")
    @SecurityRequirement(name = "recruiterKey")
    @APIResponse(responseCode = "200", description = "The invitation")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public InvitationView get(@PathParam("id") UUID id) {
        Invitations.Details d = invitations.details(id);
        return new InvitationView(id, d.interview().candidateEmail, d.interview().opensAt, d.interview().closesAt,
                d.invitation().createdAt, d.invitation().remindedAt,
                d.deliveries().stream().map(DeliveryView::of).toList());
    }

    @POST
    @Path("/resend")
    @RecruiterOnly
    @Operation(operationId = "resendInvitation", summary = "Send the invitation again",
            description = "Queues the invitation mail again, with the same join link, to the candidate's address. "
                    + "409 once the interview has ended or its window has closed, for an interview created without "
                    + "an invitation, or when this server sends no mail (`urn:viva:problem:mail-disabled`).")
    @SecurityRequirement(name = "recruiterKey")
    @APIResponse(responseCode = "202", description = "Queued; it is sent within moments",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = DeliveryView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response resend(@PathParam("id") UUID id) {
        MailDelivery queued = invitations.resend(id);
        audit.record("interview.invitation.resent", "interview", id.toString(), null,
                Map.of("recipient", queued.recipient));
        return Response.accepted(DeliveryView.of(queued)).build();
    }
}
