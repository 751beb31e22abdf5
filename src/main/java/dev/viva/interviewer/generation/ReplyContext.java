package dev.viva.interviewer.generation;

import dev.viva.role.Level;
import dev.viva.role.RoleTemplate;

import java.util.UUID;

/** Who is talking to whom; {@code interviewId} and {@code seq} seed the phrasing so it varies but is reproducible. */
public record ReplyContext(UUID interviewId, int seq, RoleTemplate role, Level level, String candidateName) {

    public String firstName() {
        if (candidateName == null || candidateName.isBlank()) {
            return "";
        }
        return candidateName.strip().split("\\s+")[0];
    }

    public long seed(int salt) {
        return interviewId.getMostSignificantBits() * 31 + interviewId.getLeastSignificantBits() * 17 + seq * 7919L
                + salt;
    }
}
