package dev.viva.platform.error;

import java.sql.SQLException;

/** Recognises the failures of a transaction that lost a race with another one (and changed nothing). */
public final class Concurrency {

    private Concurrency() {
    }

    /**
     * Optimistic lock failures (a stale {@code version}), lock timeouts, serialization failures (SQLSTATE 40001) and
     * deadlocks (40P01), wherever they sit in the cause chain.
     */
    public static boolean isLostRace(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.persistence.OptimisticLockException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof jakarta.persistence.LockTimeoutException
                    || t instanceof org.hibernate.StaleStateException
                    || t instanceof org.hibernate.PessimisticLockException) {
                return true;
            }
            if (t instanceof SQLException sql && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }
}
