package dev.viva.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Minimal WAV reading and synthetic audio for tests: 16-bit PCM mono only, which is all the fixtures are. */
public final class Wav {

    private Wav() {
    }

    /**
     * Speech with rhetorical pauses (espeak-ng, exactly 11.000 s, 16 kHz mono; see src/test/resources/audio/README.md):
     * three phrases separated by 1.15 s of silence, {@link #PAUSED_ANSWER_TEXT}.
     */
    public static Path pausedAnswer() {
        return Path.of("src", "test", "resources", "audio", "paused-answer.wav");
    }

    /** What {@link #pausedAnswer()} says. */
    public static final String PAUSED_ANSWER_TEXT = "When a service slows down, I check the metrics first. Then I read "
            + "the traces of the slowest requests. And only then do I change the code, and measure it again.";

    /**
     * A file under the repository's sibling {@code shared} directory: for benchmarks only (the test suite uses nothing
     * outside the repository).
     */
    public static Path shared(String relative) {
        return Path.of("..", "shared").resolve(relative);
    }

    /** The real-speech recording in {@code ../shared/audio/jfk.wav}: benchmarks only. */
    public static Path jfk() {
        return shared("audio/jfk.wav");
    }

    /** A fixture under src/test/resources/audio. */
    public static short[] fixture(String name) {
        return read(Path.of("src", "test", "resources", "audio", name));
    }

    /** Samples of a 16-bit mono PCM WAV file, walking its chunks so extra LIST chunks do not confuse it. */
    public static short[] read(Path file) {
        try {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            if (bytes.getInt(0) != 0x46464952 || bytes.getInt(8) != 0x45564157) {
                throw new IllegalArgumentException(file + " is not a RIFF/WAVE file");
            }
            int pos = 12;
            short channels = 0;
            short bits = 0;
            while (pos + 8 <= bytes.limit()) {
                int id = bytes.getInt(pos);
                int size = bytes.getInt(pos + 4);
                if (id == 0x20746d66) { // "fmt "
                    channels = bytes.getShort(pos + 10);
                    bits = bytes.getShort(pos + 22);
                } else if (id == 0x61746164) { // "data"
                    if (channels != 1 || bits != 16) {
                        throw new IllegalArgumentException(file + ": expected 16-bit mono");
                    }
                    short[] samples = new short[Math.min(size, bytes.limit() - pos - 8) / 2];
                    bytes.position(pos + 8);
                    bytes.slice().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
                    return samples;
                }
                pos += 8 + size + (size & 1);
            }
            throw new IllegalArgumentException(file + " has no data chunk");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code ms} of digital silence at 16 kHz. */
    public static short[] silence(int ms) {
        return new short[ms * 16];
    }

    /** {@code ms} of white noise at 16 kHz with the given RMS level in dBFS. */
    public static short[] noise(int ms, double dbfs, long seed) {
        Random random = new Random(seed);
        double amplitude = Math.pow(10, dbfs / 20) * 32768;
        short[] out = new short[ms * 16];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, random.nextGaussian() * amplitude));
        }
        return out;
    }

    /** A sine wave at {@code rate} Hz sampling. */
    public static short[] sine(double hz, double amplitude, int samples, int rate) {
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (short) Math.round(amplitude * 32767 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        return out;
    }

    /** Concatenation. */
    public static short[] concat(short[]... parts) {
        int total = 0;
        for (short[] p : parts) {
            total += p.length;
        }
        short[] out = new short[total];
        int pos = 0;
        for (short[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length;
        }
        return out;
    }

    /** Sample-wise sum with clipping (speech over background noise). */
    public static short[] mix(short[] a, short[] b) {
        short[] out = new short[Math.max(a.length, b.length)];
        for (int i = 0; i < out.length; i++) {
            int s = (i < a.length ? a[i] : 0) + (i < b.length ? b[i] : 0);
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, s));
        }
        return out;
    }
}
