package dev.viva.interview;

import java.util.Set;

/** Lifecycle: SCHEDULED -> IN_PROGRESS -> COMPLETED | ABANDONED, and CANCELLED by a recruiter before it ends. */
public enum InterviewStatus {
    SCHEDULED, IN_PROGRESS, COMPLETED, ABANDONED, CANCELLED;

    public boolean canMoveTo(InterviewStatus next) {
        return switch (this) {
            case SCHEDULED -> Set.of(IN_PROGRESS, CANCELLED, ABANDONED).contains(next);
            case IN_PROGRESS -> Set.of(COMPLETED, ABANDONED, CANCELLED).contains(next);
            case COMPLETED, ABANDONED, CANCELLED -> false;
        };
    }

    public boolean isFinal() {
        return this == COMPLETED || this == ABANDONED || this == CANCELLED;
    }
}
