package dev.viva.voice;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The audio a client declares in its {@code start} message. Only 16-bit little-endian mono PCM is carried: lossless,
 * trivially decoded and exactly what Whisper and the voice activity detector consume.
 *
 * @param encoding   sample encoding; only {@value #S16LE} is accepted
 * @param sampleRate samples per second
 * @param channels   interleaved channels; only mono is accepted
 */
@RegisterForReflection
public record AudioFormat(String encoding, int sampleRate, int channels) {

    public static final String S16LE = "s16le";

    /** The server's native format: what Whisper wants, passed through without conversion. */
    public static final AudioFormat NATIVE = new AudioFormat(S16LE, 16_000, 1);

    /** The rate browsers' AudioContexts usually run at; resampled on the server so clients need no DSP code. */
    public static final AudioFormat BROWSER_48K = new AudioFormat(S16LE, 48_000, 1);

    /**
     * Checks this format and returns a converter from client bytes to native 16 kHz samples.
     *
     * @throws AudioFormatException when the format is neither the native one nor 48 kHz mono s16le
     */
    public AudioInput negotiate() {
        if (!S16LE.equalsIgnoreCase(encoding) || channels != 1 || (sampleRate != 16_000 && sampleRate != 48_000)) {
            throw new AudioFormatException("unsupported audio format " + describe() + "; send " + NATIVE.describe()
                    + " (native) or " + BROWSER_48K.describe() + " (resampled by the server)");
        }
        return new AudioInput(sampleRate == 48_000 ? new Downsampler48To16() : null);
    }

    /** Human-readable form used in error messages, e.g. {@code 16000 Hz mono s16le}. */
    public String describe() {
        String layout = channels == 1 ? "mono" : channels == 2 ? "stereo" : channels + " channels";
        return sampleRate + " Hz " + layout + " " + encoding;
    }
}
