package dev.viva.platform.database;

import jakarta.persistence.EntityManager;

/**
 * PostgreSQL advisory locks for jobs that every replica schedules but only one should run at a time: the lock is
 * taken without waiting and released with the transaction, so a replica that finds it held simply skips this round.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Whether this transaction now holds the lock {@code key} (false: another transaction holds it). */
    public static boolean tryForTransaction(EntityManager em, long key) {
        return (Boolean) em.createNativeQuery("select pg_try_advisory_xact_lock(?1)").setParameter(1, key)
                .getSingleResult();
    }
}
