package dev.viva.platform.audit;

import jakarta.enterprise.context.RequestScoped;

/** The actor of the request being served, set by the authentication filter once it has accepted the caller. */
@RequestScoped
public class CurrentActor {

    private Actor actor;

    public void set(Actor actor) {
        this.actor = actor;
    }

    /** The authenticated actor; a write reached without one is a wiring mistake, not a client error. */
    public Actor get() {
        if (actor == null) {
            throw new IllegalStateException("no authenticated actor in this request");
        }
        return actor;
    }
}
