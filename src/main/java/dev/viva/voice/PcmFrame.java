package dev.viva.voice;

/**
 * A block of mono 16-bit PCM samples at a known rate. The array is owned by the frame once constructed; callers do not
 * mutate it afterwards.
 *
 * @param sampleRate samples per second
 * @param samples    signed 16-bit samples
 */
public record PcmFrame(int sampleRate, short[] samples) {

    public PcmFrame {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive: " + sampleRate);
        }
    }

    /** Length of the frame in milliseconds, rounded down. */
    public long durationMillis() {
        return samples.length * 1000L / sampleRate;
    }

    /** Root-mean-square level relative to full scale, 0 for an empty frame. */
    public double rms() {
        return Pcm.rms(samples, 0, samples.length);
    }
}
