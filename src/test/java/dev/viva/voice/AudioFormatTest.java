package dev.viva.voice;

import dev.viva.testing.Wav;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AudioFormatTest {

    @Test
    void nativeFormatPassesSamplesThrough() {
        AudioInput input = AudioFormat.NATIVE.negotiate();
        assertFalse(input.resampling());
        short[] samples = {5, -5, 300};
        PcmFrame frame = input.accept(ByteBuffer.wrap(Pcm.encodeS16le(samples)));
        assertEquals(16_000, frame.sampleRate());
        assertArrayEquals(samples, frame.samples());
    }

    @Test
    void browserRateIsResampledToNative() {
        AudioInput input = new AudioFormat("S16LE", 48_000, 1).negotiate();
        assertTrue(input.resampling());
        PcmFrame frame = input.accept(ByteBuffer.wrap(Pcm.encodeS16le(Wav.sine(440, 0.5, 4800, 48_000))));
        assertEquals(1600, frame.samples().length);
        assertEquals(100, frame.durationMillis());
    }

    @Test
    void otherFormatsAreRejectedNamingWhatIsAccepted() {
        for (AudioFormat bad : new AudioFormat[] {
                new AudioFormat("s16le", 44_100, 1),
                new AudioFormat("s16le", 16_000, 2),
                new AudioFormat("f32le", 16_000, 1),
                new AudioFormat("opus", 48_000, 1)}) {
            AudioFormatException e = assertThrows(AudioFormatException.class, bad::negotiate);
            assertTrue(e.getMessage().contains(bad.describe()), e.getMessage());
            assertTrue(e.getMessage().contains("16000 Hz mono s16le"), e.getMessage());
            assertTrue(e.getMessage().contains("48000 Hz mono s16le"), e.getMessage());
        }
    }

    @Test
    void oddFrameOnA48kStreamIsRejected() {
        AudioInput input = AudioFormat.BROWSER_48K.negotiate();
        assertThrows(AudioFormatException.class, () -> input.accept(ByteBuffer.wrap(new byte[7])));
    }
}
