package dev.viva.voice;

import dev.viva.testing.Wav;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class Downsampler48To16Test {

    private static final int SECOND = 48_000;

    @Test
    void speechBandToneKeepsItsLevel() {
        short[] out = new Downsampler48To16().process(Wav.sine(1_000, 0.5, SECOND, SECOND));
        assertEquals(16_000, out.length);
        // skip the filter's start-up transient
        double rms = Pcm.rms(out, 400, out.length);
        assertEquals(0.5 / Math.sqrt(2), rms, 0.005);
        // and it is still a 1 kHz tone: 16 samples per period at 16 kHz
        short[] reference = Wav.sine(1_000, 0.5, 16_000, 16_000);
        int delay = 40; // (241 - 1) / 2 taps at 48 kHz = 120 input samples = 40 output samples
        double error = 0;
        for (int i = 400; i < out.length; i++) {
            error = Math.max(error, Math.abs(out[i] - reference[i - delay]));
        }
        assertTrue(error < 32768 * 0.01, "max deviation " + error);
    }

    @Test
    void toneAboveTheNewNyquistIsRemovedNotFoldedBack() {
        // naive sample dropping turns 12 kHz into a loud 4 kHz tone
        short[] input = Wav.sine(12_000, 0.5, SECOND, SECOND);
        short[] dropped = new short[SECOND / 3];
        for (int i = 0; i < dropped.length; i++) {
            dropped[i] = input[3 * i];
        }
        short[] filtered = new Downsampler48To16().process(input);
        double droppedDb = Pcm.dbfs(Pcm.rms(dropped, 400, dropped.length));
        double filteredDb = Pcm.dbfs(Pcm.rms(filtered, 400, filtered.length));
        assertTrue(droppedDb > -10, "sample dropping aliases: " + droppedDb);
        assertTrue(filteredDb < -60, "filtered output should be near silent: " + filteredDb + " dBFS");
    }

    @Test
    void arbitraryFrameSplitsGiveTheSameOutputAsOneBlock() {
        short[] input = Wav.concat(Wav.sine(700, 0.3, 10_000, SECOND), Wav.sine(3_100, 0.2, 9_997, SECOND));
        short[] whole = new Downsampler48To16().process(input);
        Downsampler48To16 streaming = new Downsampler48To16();
        short[] joined = new short[0];
        int pos = 0;
        int[] sizes = {1, 2, 479, 960, 7, 4_000, 3};
        for (int i = 0; pos < input.length; i++) {
            int size = Math.min(sizes[i % sizes.length], input.length - pos);
            joined = Wav.concat(joined, streaming.process(Arrays.copyOfRange(input, pos, pos + size)));
            pos += size;
        }
        assertArrayEquals(whole, joined);
        assertEquals((input.length + 2) / 3, whole.length);
    }
}
