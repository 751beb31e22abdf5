package dev.viva.voice.session;

/**
 * Lets audio through at up to a multiple of its declared real-time rate, with a burst allowance (a token bucket in
 * bytes). A live microphone cannot produce audio faster than real time; a client that does is replaying a file or
 * misbehaving, and its frames would otherwise grow the session's memory and the recognizer's queue.
 */
final class RateGate {

    private final double bytesPerMs;
    private final double capacity;
    private double tokens;
    private long refilledAt;
    private long violatingSince = -1;

    /**
     * @param bytesPerSecond declared real-time rate of the audio
     * @param tolerance      factor above real time that is still let through
     * @param burstMs        audio, at real time, that may arrive at once on top
     */
    RateGate(int bytesPerSecond, double tolerance, long burstMs, long now) {
        this.bytesPerMs = bytesPerSecond * tolerance / 1000.0;
        this.capacity = bytesPerSecond * burstMs / 1000.0;
        this.tokens = capacity;
        this.refilledAt = now;
    }

    /** Whether a frame of {@code bytes} arriving at {@code now} is let through; refused frames are to be dropped. */
    boolean admit(int bytes, long now) {
        tokens = Math.min(capacity, tokens + (now - refilledAt) * bytesPerMs);
        refilledAt = now;
        if (violatingSince >= 0 && tokens >= capacity / 2) {
            violatingSince = -1; // the client slowed down long enough to win back half its burst allowance
        }
        if (tokens >= bytes) {
            tokens -= bytes;
            return true;
        }
        if (violatingSince < 0) {
            violatingSince = now;
        }
        return false;
    }

    /**
     * How long the audio has been too fast: since the first refused frame, until the client has kept below the
     * tolerated rate long enough to regain half the burst allowance. 0 when it is not too fast.
     */
    long violatingFor(long now) {
        return violatingSince < 0 ? 0 : now - violatingSince;
    }
}
