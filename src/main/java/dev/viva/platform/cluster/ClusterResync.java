package dev.viva.platform.cluster;

/**
 * The listening connection was (re)established: notifications sent while it was down (or before it first opened) are
 * lost, so whoever keeps state derived from them rebuilds it from the database. Fired on the listening thread before
 * any notification that follows.
 */
public record ClusterResync() {
}
