package dev.viva.platform.audit;

import java.util.Objects;

/**
 * Who did something: an API key, a signed-in person, a candidate or one of the server's own jobs.
 *
 * @param kind {@code key}, {@code user}, {@code candidate} or {@code system}
 * @param id   stable within its kind (a key's id, a user's id, a job's name); never a secret
 * @param name what a person reading the audit log recognises (a key's label, a user's e-mail)
 */
public record Actor(String kind, String id, String name) {

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }

    /** A scheduled job of the server, e.g. {@code retention}. */
    public static Actor system(String job) {
        return new Actor("system", job, "Viva (" + job + ")");
    }
}
