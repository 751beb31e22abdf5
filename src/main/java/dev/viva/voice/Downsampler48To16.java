package dev.viva.voice;

/**
 * 48 kHz to 16 kHz conversion: a Kaiser-windowed sinc low-pass followed by keeping every third sample. Simply dropping
 * samples would fold everything between 8 and 24 kHz (keyboard clicks, fan hiss, sibilance) back into the speech band
 * that the voice activity detector and Whisper listen to. The filter passes up to about 7 kHz, which holds all the
 * speech information Whisper uses, and attenuates above 8 kHz by more than 70 dB.
 *
 * <p>Stateful: the last {@code TAPS - 1} input samples are kept so a stream split into arbitrary frames gives the same
 * output as one long array. Not thread-safe.
 */
final class Downsampler48To16 {

    private static final int FACTOR = 3;
    private static final int TAPS = 241;
    private static final double CUTOFF_HZ = 7_200;
    private static final double KAISER_BETA = 8.0;
    private static final float[] KERNEL = kernel();

    /** Input history: the previous TAPS-1 samples followed by the current frame. */
    private float[] history = new float[TAPS - 1];
    /** Index in the next frame (relative to its start) of the next input sample that produces an output. */
    private int phase;

    short[] process(short[] input) {
        float[] buffer = new float[history.length + input.length];
        System.arraycopy(history, 0, buffer, 0, history.length);
        for (int i = 0; i < input.length; i++) {
            buffer[history.length + i] = input[i];
        }
        int count = phase >= input.length ? 0 : (input.length - phase + FACTOR - 1) / FACTOR;
        short[] out = new short[count];
        for (int k = 0; k < count; k++) {
            // output aligned to the newest sample it covers: buffer index of input (phase + 3k) is TAPS-1 + phase + 3k
            int end = history.length + phase + FACTOR * k;
            double acc = 0;
            for (int t = 0; t < TAPS; t++) {
                acc += KERNEL[t] * buffer[end - t];
            }
            out[k] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, Math.round(acc)));
        }
        phase = phase + FACTOR * count - input.length;
        System.arraycopy(buffer, buffer.length - history.length, history, 0, history.length);
        return out;
    }

    private static float[] kernel() {
        float[] kernel = new float[TAPS];
        double fc = CUTOFF_HZ / 48_000;
        int mid = (TAPS - 1) / 2;
        double sum = 0;
        double[] raw = new double[TAPS];
        for (int n = 0; n < TAPS; n++) {
            int m = n - mid;
            double sinc = m == 0 ? 2 * fc : Math.sin(2 * Math.PI * fc * m) / (Math.PI * m);
            double ratio = 2.0 * n / (TAPS - 1) - 1;
            double window = besselI0(KAISER_BETA * Math.sqrt(1 - ratio * ratio)) / besselI0(KAISER_BETA);
            raw[n] = sinc * window;
            sum += raw[n];
        }
        for (int n = 0; n < TAPS; n++) {
            kernel[n] = (float) (raw[n] / sum); // unity gain at DC
        }
        return kernel;
    }

    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }
}
