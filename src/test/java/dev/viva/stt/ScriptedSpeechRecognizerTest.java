package dev.viva.stt;

import dev.viva.testing.Wav;
import dev.viva.voice.AudioFormat;
import dev.viva.voice.AudioInput;
import dev.viva.voice.Pcm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** The double must behave like a recognizer, or pipeline tests built on it prove nothing. */
class ScriptedSpeechRecognizerTest {

    static final String SPEECH = Wav.PAUSED_ANSWER_TEXT;

    private final ScriptedSpeechRecognizer stt = new ScriptedSpeechRecognizer()
            .say(Wav.read(Wav.pausedAnswer()), SPEECH)
            .say(Wav.fixture("okay.wav"), "Okay.")
            .say(Wav.fixture("long-answer-with-pauses.wav"), "A hash map stores keys and values in an array of "
                    + "buckets. When two keys collide, the bucket keeps a short list, or a tree when the list grows "
                    + "long. Lookups stay constant time on average.");

    @AfterEach
    void close() {
        stt.close();
    }

    private Transcription transcribe(short[] audio) throws Exception {
        return stt.transcribe(audio, SpeechRecognizer.Priority.FINAL).toCompletableFuture().get(5, TimeUnit.SECONDS);
    }

    private String text(short[] audio) throws Exception {
        return assertInstanceOf(Transcription.Heard.class, transcribe(audio)).text();
    }

    @Test
    void knownAudioGivesItsTextEvenWithSilenceAround() throws Exception {
        assertEquals(SPEECH, text(Wav.concat(Wav.silence(700), Wav.read(Wav.pausedAnswer()), Wav.silence(900))));
        assertEquals("Okay.", text(Wav.fixture("okay.wav")));
    }

    @Test
    void audioThatWentThroughThe48kHzPathStillMatches() throws Exception {
        short[] speech = Wav.read(Wav.pausedAnswer());
        short[] at48k = new short[speech.length * 3];
        for (int i = 0; i < at48k.length; i++) { // linear interpolation up to 48 kHz, as a browser would capture
            int j = i / 3;
            int next = Math.min(j + 1, speech.length - 1);
            at48k[i] = (short) (speech[j] + (speech[next] - speech[j]) * (i % 3) / 3);
        }
        AudioInput input = AudioFormat.BROWSER_48K.negotiate();
        short[] back = input.accept(ByteBuffer.wrap(Pcm.encodeS16le(at48k))).samples();
        assertEquals(SPEECH, text(back));
    }

    @Test
    void aPrefixGivesTheShareOfWordsSpokenSoFar() throws Exception {
        short[] speech = Wav.read(Wav.pausedAnswer());
        String partial = text(Arrays.copyOf(speech, speech.length / 2));
        String[] words = partial.split(" ");
        assertEquals(SPEECH.substring(0, partial.length()), partial);
        assertEquals(true, words.length >= 5 && words.length <= 16, partial);
    }

    @Test
    void unknownAudioIsNotUnderstood() throws Exception {
        assertInstanceOf(Transcription.NotUnderstood.class, transcribe(Wav.noise(3000, -30, 1)));
        assertInstanceOf(Transcription.NotUnderstood.class, transcribe(Wav.silence(2000)));
        assertInstanceOf(Transcription.NotUnderstood.class, transcribe(Wav.fixture("mm-hm.wav")));
    }
}
