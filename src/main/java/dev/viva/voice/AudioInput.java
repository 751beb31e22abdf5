package dev.viva.voice;

import java.nio.ByteBuffer;

/**
 * Turns one client's binary frames into native 16 kHz frames, resampling when the client declared 48 kHz. Stateful
 * (the resampler's filter spans frame boundaries), so one instance per connection; not thread-safe.
 */
public final class AudioInput {

    private final Downsampler48To16 downsampler;

    AudioInput(Downsampler48To16 downsampler) {
        this.downsampler = downsampler;
    }

    /**
     * Decodes and, if needed, resamples one binary frame.
     *
     * @throws AudioFormatException on an odd-length frame
     */
    public PcmFrame accept(ByteBuffer frame) {
        short[] samples = Pcm.decodeS16le(frame);
        return new PcmFrame(16_000, downsampler == null ? samples : downsampler.process(samples));
    }

    /** Whether frames are being resampled from 48 kHz. */
    public boolean resampling() {
        return downsampler != null;
    }
}
