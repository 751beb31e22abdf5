package dev.viva.platform.lifecycle;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Whether the server is stopping (SIGTERM, a deploy): from then on no new live session is accepted (socket upgrades
 * are refused with 503, which clients treat as "try again", reaching another replica or the restarted server), while
 * the sessions already open are closed with 1001 once what they are doing has committed.
 */
@ApplicationScoped
public class Draining {

    private static volatile boolean draining;

    /** A fresh start accepts sessions (tests start several applications in one JVM). */
    void onStart(@Observes StartupEvent event) {
        draining = false;
    }

    /** Before every other shutdown observer: nothing new starts while the rest winds down. */
    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        draining = true;
    }

    public static boolean active() {
        return draining;
    }

    /** Tests only: a test that simulated a shutdown puts the flag back for the tests that follow. */
    public static void reset() {
        draining = false;
    }

    /** For tests and the socket: marks the server as stopping without a ShutdownEvent. */
    public static void begin() {
        draining = true;
    }
}
