package dev.viva.platform.cluster;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How replicas sharing one database tell each other what happens in the sessions each of them holds. */
@ConfigMapping(prefix = "viva.cluster")
public interface ClusterConfig {

    /**
     * Relay live-view events, candidate takeovers and cancellations to the other replicas through PostgreSQL
     * LISTEN/NOTIFY. Off, a replica sees only the sessions it holds itself (fine for a single replica).
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * The NOTIFY channel (a lower-case SQL identifier). Replicas of one deployment must share it; two deployments on
     * one database must not.
     */
    @WithDefault("viva_cluster")
    String channel();

    /** First wait before the listening connection is opened again after it failed; doubled per failure. */
    @WithDefault("PT0.5S")
    Duration reconnectMin();

    /** Longest wait between two attempts to open the listening connection again. */
    @WithDefault("PT30S")
    Duration reconnectMax();

    /**
     * Ephemeral signals (partial captions, turn state) leave a replica at most this often, the latest one of each
     * interview winning: bounds the NOTIFY traffic of a busy replica while keeping captions well under a second late.
     */
    @WithDefault("PT0.2S")
    Duration signalInterval();

    /** After this long without a notification the listening connection is checked, so a dead one is noticed. */
    @WithDefault("PT10S")
    Duration heartbeat();
}
