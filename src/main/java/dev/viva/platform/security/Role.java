package dev.viva.platform.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a caller of the recruiter API may do. Viewers read (and watch live); recruiters also create and change
 * interviews, webhooks and the rest; admins also manage the people who sign in. Installation keys act as admins.
 */
public enum Role {
    ADMIN, RECRUITER, VIEWER;

    /** The lower-case name used in the API and the database. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean mayWrite() {
        return this != VIEWER;
    }

    public static Optional<Role> parse(String id) {
        return Arrays.stream(values()).filter(r -> r.id().equals(id)).findFirst();
    }
}
