package dev.viva.voice;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PcmTest {

    @Test
    void decodesLittleEndianSignedSamples() {
        byte[] bytes = {0x01, 0x00, (byte) 0xff, 0x7f, 0x00, (byte) 0x80, (byte) 0xff, (byte) 0xff};
        assertArrayEquals(new short[] {1, Short.MAX_VALUE, Short.MIN_VALUE, -1}, Pcm.decodeS16le(bytes));
    }

    @Test
    void encodeAndDecodeRoundTrip() {
        short[] samples = {0, 1, -1, 12345, -32768, 32767};
        assertArrayEquals(samples, Pcm.decodeS16le(Pcm.encodeS16le(samples)));
    }

    @Test
    void decodesFromBufferPositionWithoutConsumingIt() {
        ByteBuffer buffer = ByteBuffer.wrap(new byte[] {9, 9, 0x02, 0x00});
        buffer.position(2);
        assertArrayEquals(new short[] {2}, Pcm.decodeS16le(buffer));
        assertEquals(2, buffer.position());
    }

    @Test
    void oddLengthFrameIsRejectedWithAClearMessage() {
        AudioFormatException e = assertThrows(AudioFormatException.class, () -> Pcm.decodeS16le(new byte[] {1, 2, 3}));
        assertTrue(e.getMessage().contains("3 bytes"), e.getMessage());
        assertTrue(e.getMessage().contains("even length"), e.getMessage());
    }

    @Test
    void levels() {
        assertEquals(-100, Pcm.dbfs(Pcm.rms(new short[320], 0, 320)));
        short[] fullScaleSquare = new short[320];
        java.util.Arrays.fill(fullScaleSquare, Short.MIN_VALUE);
        assertEquals(0, Pcm.dbfs(Pcm.rms(fullScaleSquare, 0, 320)), 1e-9);
        assertEquals(1000, new PcmFrame(16_000, new short[16_000]).durationMillis());
    }
}
