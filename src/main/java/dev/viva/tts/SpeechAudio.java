package dev.viva.tts;

import javax.sound.sampled.AudioFormat;

/**
 * Turns the PCM FreeTTS hands its audio player into what the pipeline streams: 16-bit signed mono at 16 kHz, at a
 * steady level, starting and ending at zero.
 */
final class SpeechAudio {

    /** -3 dBFS: loud enough for a laptop speaker, with headroom for the browser's resampling. */
    private static final double TARGET_PEAK = 32767 * 0.708;
    /** At most +12 dB, so a segment that is nearly silent (a lone "..."), or noise, is not blown up. */
    private static final double MAX_GAIN = 4;
    /** 5 ms: long enough to remove the step a segment boundary would otherwise click with, too short to hear. */
    static final int FADE_SAMPLES = SpeechSynthesizer.SAMPLE_RATE / 200;

    private SpeechAudio() {
    }

    /**
     * The first {@code length} bytes of {@code data} as 16 kHz mono samples. FreeTTS's voices produce 16-bit signed
     * big-endian mono at the voice's own rate (16 kHz for kevin16, 8 kHz for kevin); any other linear PCM is converted
     * too rather than assumed.
     *
     * @throws IllegalArgumentException for encodings that are not linear PCM of 8 or 16 bits
     */
    static short[] decode(AudioFormat format, byte[] data, int length) {
        boolean signed = AudioFormat.Encoding.PCM_SIGNED.equals(format.getEncoding());
        boolean unsigned = AudioFormat.Encoding.PCM_UNSIGNED.equals(format.getEncoding());
        int bits = format.getSampleSizeInBits();
        int channels = format.getChannels();
        if (!signed && !unsigned || bits != 8 && bits != 16 || channels < 1) {
            throw new IllegalArgumentException("unsupported audio from FreeTTS: " + format);
        }
        int bytesPerSample = bits / 8;
        int frameBytes = bytesPerSample * channels;
        short[] mono = new short[length / frameBytes];
        for (int frame = 0; frame < mono.length; frame++) {
            int sum = 0;
            for (int channel = 0; channel < channels; channel++) {
                int at = frame * frameBytes + channel * bytesPerSample;
                sum += sample(data, at, bits, signed, format.isBigEndian());
            }
            mono[frame] = (short) (sum / channels);
        }
        int rate = Math.round(format.getSampleRate());
        return rate == SpeechSynthesizer.SAMPLE_RATE ? mono : resample(mono, rate);
    }

    private static int sample(byte[] data, int at, int bits, boolean signed, boolean bigEndian) {
        if (bits == 8) {
            int value = signed ? data[at] : (data[at] & 0xff) - 128;
            return value << 8;
        }
        int high = bigEndian ? data[at] : data[at + 1];
        int low = bigEndian ? data[at + 1] : data[at];
        int value = (high & 0xff) << 8 | low & 0xff;
        return signed ? (short) value : value - 32768;
    }

    /**
     * Linear interpolation to 16 kHz. Only ever upsamples speech from a lower-rate voice here, where interpolation's
     * mild high-frequency images sit above what an 8 kHz recording contains anyway.
     */
    private static short[] resample(short[] in, int fromRate) {
        if (in.length == 0) {
            return in;
        }
        int length = (int) ((long) in.length * SpeechSynthesizer.SAMPLE_RATE / fromRate);
        short[] out = new short[length];
        double step = (double) fromRate / SpeechSynthesizer.SAMPLE_RATE;
        for (int i = 0; i < length; i++) {
            double position = i * step;
            int left = (int) position;
            int right = Math.min(left + 1, in.length - 1);
            double fraction = position - left;
            out[i] = (short) Math.round(in[left] + (in[right] - in[left]) * fraction);
        }
        return out;
    }

    /**
     * Raises a quiet segment so its peak reaches -3 dBFS (never lowers a loud one), then fades its first and last
     * {@link #FADE_SAMPLES} in and out, so consecutive segments join without a click. In place.
     */
    static void shape(short[] samples) {
        int peak = 0;
        for (short s : samples) {
            peak = Math.max(peak, Math.abs(s));
        }
        double gain = peak == 0 ? 1 : Math.min(MAX_GAIN, TARGET_PEAK / peak);
        if (gain > 1) {
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) Math.round(samples[i] * gain);
            }
        }
        int fade = Math.min(FADE_SAMPLES, samples.length / 2);
        for (int i = 0; i < fade; i++) {
            double ramp = 0.5 - 0.5 * Math.cos(Math.PI * i / fade); // raised cosine: no corner where the ramp ends
            samples[i] = (short) Math.round(samples[i] * ramp);
            int j = samples.length - 1 - i;
            samples[j] = (short) Math.round(samples[j] * ramp);
        }
    }
}
