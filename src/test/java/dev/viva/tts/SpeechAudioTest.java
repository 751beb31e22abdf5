package dev.viva.tts;

import dev.viva.testing.Wav;
import org.junit.jupiter.api.Test;

import javax.sound.sampled.AudioFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpeechAudioTest {

    @Test
    void decodesFreeTtsBigEndianSixteenBitAsIs() {
        short[] samples = {0, 1000, -1000, Short.MAX_VALUE, Short.MIN_VALUE};
        byte[] bytes = bytes(samples, ByteOrder.BIG_ENDIAN);
        AudioFormat format = new AudioFormat(16_000, 16, 1, true, true);
        assertThat(SpeechAudio.decode(format, bytes, bytes.length)).containsExactly(samples);
    }

    @Test
    void decodesLittleEndianStereoAndUnsignedEightBitToMono() {
        byte[] stereo = bytes(new short[] {1000, 3000, -2000, -4000}, ByteOrder.LITTLE_ENDIAN);
        assertThat(SpeechAudio.decode(new AudioFormat(16_000, 16, 2, true, false), stereo, stereo.length))
                .containsExactly((short) 2000, (short) -3000);
        byte[] unsigned = {(byte) 128, (byte) 255, 0};
        assertThat(SpeechAudio.decode(new AudioFormat(16_000, 8, 1, false, false), unsigned, 3))
                .containsExactly((short) 0, (short) (127 << 8), (short) (-128 << 8));
    }

    @Test
    void upsamplesAnEightKilohertzVoiceKeepingDurationAndPitch() {
        short[] tone = Wav.sine(440, 0.5, 8_000, 8_000);
        byte[] bytes = bytes(tone, ByteOrder.BIG_ENDIAN);
        short[] out = SpeechAudio.decode(new AudioFormat(8_000, 16, 1, true, true), bytes, bytes.length);
        assertThat(out).hasSize(16_000);
        assertThat(zeroCrossings(out)).isBetween(876, 884); // 440 Hz: 880 crossings in one second
        assertThat(peak(out)).isBetween(16_000, 16_400);
    }

    @Test
    void refusesWhatIsNotLinearPcm() {
        AudioFormat ulaw = new AudioFormat(AudioFormat.Encoding.ULAW, 8_000, 8, 1, 1, 8_000, false);
        assertThatThrownBy(() -> SpeechAudio.decode(ulaw, new byte[4], 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ULAW");
    }

    @Test
    void raisesQuietSpeechToMinusThreeDbfsAndLeavesLoudSpeechAlone() {
        short[] quiet = Wav.sine(200, 0.25, 16_000, 16_000);
        SpeechAudio.shape(quiet);
        assertThat(peak(quiet)).isBetween(23_000, 23_250);
        short[] loud = Wav.sine(200, 0.9, 16_000, 16_000);
        short[] before = loud.clone();
        SpeechAudio.shape(loud);
        assertThat(loud[8000]).isEqualTo(before[8000]);
        short[] whisper = Wav.sine(200, 0.01, 16_000, 16_000);
        SpeechAudio.shape(whisper);
        assertThat(peak(whisper)).as("gain capped at +12 dB").isBetween(1_300, 1_320);
    }

    @Test
    void fadesTheEdgesSoSegmentsJoinWithoutAClick() {
        short[] dc = new short[1_600];
        java.util.Arrays.fill(dc, (short) 20_000);
        SpeechAudio.shape(dc);
        assertThat(dc[0]).isZero();
        assertThat(Math.abs(dc[dc.length - 1])).isLessThan(100);
        assertThat(dc[SpeechAudio.FADE_SAMPLES]).isEqualTo(dc[800]);
        for (int i = 1; i < SpeechAudio.FADE_SAMPLES; i++) {
            assertThat(dc[i] - dc[i - 1]).as("no step inside the fade").isBetween(0, 1_000);
        }
        SpeechAudio.shape(new short[0]);
        SpeechAudio.shape(new short[1]);
    }

    private static byte[] bytes(short[] samples, ByteOrder order) {
        ByteBuffer buffer = ByteBuffer.allocate(samples.length * 2).order(order);
        for (short s : samples) {
            buffer.putShort(s);
        }
        return buffer.array();
    }

    static int peak(short[] samples) {
        int peak = 0;
        for (short s : samples) {
            peak = Math.max(peak, Math.abs(s));
        }
        return peak;
    }

    private static int zeroCrossings(short[] samples) {
        int crossings = 0;
        for (int i = 1; i < samples.length; i++) {
            if (samples[i - 1] < 0 != samples[i] < 0) {
                crossings++;
            }
        }
        return crossings;
    }
}
