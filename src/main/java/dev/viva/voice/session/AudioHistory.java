package dev.viva.voice.session;

/**
 * The last second of the candidate's audio. Speech is confirmed only once it has lasted the minimum speech length,
 * so the start of an answer is already in the past when it is detected; this is where it is taken back from.
 */
final class AudioHistory {

    private final short[] ring;
    private long written;

    AudioHistory(int capacitySamples) {
        this.ring = new short[capacitySamples];
    }

    void add(short[] samples) {
        for (short s : samples) {
            ring[(int) (written++ % ring.length)] = s;
        }
    }

    /** Samples written so far: the position in the stream of the next sample. */
    long position() {
        return written;
    }

    /** The samples from stream position {@code from} to now, clipped to what is still held. */
    short[] since(long from) {
        long start = Math.max(Math.max(0, from), written - ring.length);
        short[] out = new short[(int) (written - start)];
        for (int i = 0; i < out.length; i++) {
            out[i] = ring[(int) ((start + i) % ring.length)];
        }
        return out;
    }
}
