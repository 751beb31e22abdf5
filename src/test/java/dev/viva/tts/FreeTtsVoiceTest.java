package dev.viva.tts;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real kevin16 voice through the capturing player. */
class FreeTtsVoiceTest {

    private static final String QUESTION = "How would you design a rate limiter for a public API, and where in the "
            + "request path would you put it?";
    private static FreeTtsVoice voice;

    @BeforeAll
    static void allocate() throws IOException {
        voice = FreeTtsVoice.allocate("kevin16", 150, 100);
    }

    @AfterAll
    static void free() {
        voice.close();
    }

    @Test
    void kevin16SpeaksSixteenKilohertzSixteenBitMonoAtAPlausibleRate() throws Exception {
        short[] samples = voice.speak(QUESTION, () -> false);
        assertThat(voice.lastFormat().getSampleRate()).isEqualTo(16_000f);
        assertThat(voice.lastFormat().getSampleSizeInBits()).isEqualTo(16);
        assertThat(voice.lastFormat().getChannels()).isEqualTo(1);
        double msPerWord = samples.length / 16.0 / QUESTION.split("\\s+").length;
        // 150 words per minute is 400 ms a word; FreeTTS's short function words and edge pauses land it near 300
        assertThat(msPerWord).isBetween(200.0, 600.0);
        assertThat(rmsDbfs(samples)).as("speech, not silence").isGreaterThan(-35);
    }

    @Test
    void theSameTextGivesTheSameSamples() throws Exception {
        assertThat(voice.speak("Thank you.", () -> false)).containsExactly(voice.speak("Thank you.", () -> false));
    }

    @Test
    void stoppingAbortsInsideTheUtteranceAndLeavesTheVoiceUsable() throws Exception {
        AtomicInteger polls = new AtomicInteger();
        AtomicInteger pollsAfterStop = new AtomicInteger();
        BooleanSupplier stopAfterFivePolls = () -> {
            boolean stop = polls.incrementAndGet() > 5;
            if (stop) {
                pollsAfterStop.incrementAndGet();
            }
            return stop;
        };
        String longText = (QUESTION + " ").repeat(6);
        assertThat(voice.speak(longText, stopAfterFivePolls)).isNull();
        // FreeTTS polls at each processing step and each written block; a full run polls hundreds of times
        assertThat(pollsAfterStop.get()).as("FreeTTS gave up within a few checks of the stop").isLessThan(10);
        assertThat(voice.speak("Still here.", () -> false)).isNotEmpty();
    }

    @Test
    void textThatBreaksFreeTtsIsAFailureOfThatTextOnly() throws Exception {
        assertThatThrownBy(() -> voice.speak("1,".repeat(2000), () -> false))
                .isInstanceOf(FreeTtsVoice.SynthesisException.class).hasMessageContaining("StackOverflowError");
        assertThat(voice.speak("Let's try again.", () -> false)).isNotEmpty();
    }

    @Test
    void anEightKilohertzVoiceIsConvertedToSixteen() throws Exception {
        FreeTtsVoice kevin = FreeTtsVoice.allocate("kevin", 150, 100);
        try {
            short[] upsampled = kevin.speak(QUESTION, () -> false);
            assertThat(kevin.lastFormat().getSampleRate()).isEqualTo(8_000f);
            short[] native16 = voice.speak(QUESTION, () -> false);
            assertThat((double) upsampled.length / native16.length).isBetween(0.8, 1.25);
        } finally {
            kevin.close();
        }
    }

    @Test
    void anUnknownVoiceNamesTheOnesThereAre() {
        assertThatThrownBy(() -> FreeTtsVoice.allocate("alice", 150, 100))
                .isInstanceOf(IOException.class).hasMessageContaining("alice").hasMessageContaining("kevin16");
    }

    static double rmsDbfs(short[] samples) {
        double sum = 0;
        for (short s : samples) {
            sum += (double) s * s;
        }
        return 20 * Math.log10(Math.sqrt(sum / Math.max(1, samples.length)) / 32768);
    }
}
