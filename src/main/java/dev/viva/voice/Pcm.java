package dev.viva.voice;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Conversions between the wire's s16le bytes and Java samples, and sample levels. */
public final class Pcm {

    private Pcm() {
    }

    /**
     * Decodes little-endian signed 16-bit samples.
     *
     * @throws AudioFormatException when the frame has an odd number of bytes, i.e. a sample split across frames:
     *                              clients must send whole samples, and guessing would shift every later sample
     */
    public static short[] decodeS16le(ByteBuffer bytes) {
        int length = bytes.remaining();
        if (length % 2 != 0) {
            throw new AudioFormatException("audio frame of " + length
                    + " bytes is not a whole number of 16-bit samples; send s16le frames of even length");
        }
        short[] samples = new short[length / 2];
        bytes.slice().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }

    /** {@link #decodeS16le(ByteBuffer)} for a byte array. */
    public static short[] decodeS16le(byte[] bytes) {
        return decodeS16le(ByteBuffer.wrap(bytes));
    }

    /** Encodes samples as little-endian signed 16-bit bytes (what is sent to clients). */
    public static byte[] encodeS16le(short[] samples) {
        ByteBuffer out = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        out.asShortBuffer().put(samples);
        return out.array();
    }

    /** Root-mean-square of {@code samples[from, to)} relative to full scale, 0 for an empty range. */
    public static double rms(short[] samples, int from, int to) {
        if (to <= from) {
            return 0;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            double s = samples[i] / 32768.0;
            sum += s * s;
        }
        return Math.sqrt(sum / (to - from));
    }

    /** Level in dBFS, floored at -100 so digital silence stays a finite number. */
    public static double dbfs(double rms) {
        return rms <= 1e-5 ? -100 : Math.max(-100, 20 * Math.log10(rms));
    }
}
