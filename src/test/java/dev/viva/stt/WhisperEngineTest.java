package dev.viva.stt;

import dev.viva.testing.Wav;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real whisper-jni adapter with whisper.cpp's weightless tiny.en: real loading, states and audio path. */
class WhisperEngineTest {

    private static WhisperEngine engine;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() throws Exception {
        engine = WhisperEngine.load(ModelFiles.weightless(), new WhisperEngine.Settings(1, 1, 2, "en", true));
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private static Transcription await(CompletionStage<Transcription> stage) throws Exception {
        return stage.toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    @Test
    void realSpeechThroughAWeightlessModelIsADidNotCatchThat() throws Exception {
        short[] speech = Wav.read(Wav.pausedAnswer());
        Transcription result = await(engine.transcribe(speech, SpeechRecognizer.Priority.FINAL));
        Transcription.NotUnderstood none = assertInstanceOf(Transcription.NotUnderstood.class, result);
        assertEquals(11_000, none.audioMs());
        assertTrue(none.computeMs() >= 0 && none.queueMs() >= 0);
    }

    @Test
    void theContinuationOfAnAnswerTakesTheEarlierTextAsContext() throws Exception {
        assertTrue(engine.transcribesInPieces());
        short[] rest = Arrays.copyOfRange(Wav.read(Wav.pausedAnswer()), 16_000 * 5, 16_000 * 11);
        // whisper.cpp tokenises the prompt and decodes after it; with no weights it still hears nothing
        assertInstanceOf(Transcription.NotUnderstood.class, await(engine.transcribe(rest,
                SpeechRecognizer.Priority.FINAL, "When a service slows down, I check the metrics first. Then I read the traces")));
    }

    @Test
    void veryShortAudioIsPaddedNotRejected() throws Exception {
        assertInstanceOf(Transcription.NotUnderstood.class,
                await(engine.transcribe(Wav.fixture("okay.wav"), SpeechRecognizer.Priority.FINAL)));
        assertInstanceOf(Transcription.NotUnderstood.class,
                await(engine.transcribe(new short[0], SpeechRecognizer.Priority.FINAL)));
    }

    @Test
    void oneDecodingStateServesSessionAfterSession() throws Exception {
        for (int session = 0; session < 2; session++) {
            await(engine.transcribe(Wav.silence(1000), SpeechRecognizer.Priority.FINAL));
        }
        assertEquals(1, engine.statesCreated(), "one worker needs one state, however many sessions");
        assertTrue(engine.model().weightless());
    }

    @Test
    void saturationIsRefusedAtOnceInsteadOfQueuedWithoutBound() throws Exception {
        short[] audio = Wav.read(Wav.pausedAnswer());
        List<CompletableFuture<Transcription>> results = new ArrayList<>();
        for (int i = 0; i < 6; i++) { // 1 worker + 2 queue slots
            results.add(engine.transcribe(audio, SpeechRecognizer.Priority.FINAL).toCompletableFuture());
        }
        Transcription partial = await(engine.transcribe(audio, SpeechRecognizer.Priority.PARTIAL));
        Transcription.Failed refused = assertInstanceOf(Transcription.Failed.class, partial);
        assertEquals(Transcription.Reason.BUSY, refused.reason(), "captions never wait behind answers");
        long busy = 0;
        for (CompletableFuture<Transcription> result : results) {
            if (await(result) instanceof Transcription.Failed failed) {
                assertEquals(Transcription.Reason.BUSY, failed.reason());
                assertTrue(failed.message().contains("1 running, 2 waiting"), failed.message());
                busy++;
            }
        }
        assertTrue(busy >= 3, busy + " of 6 refused");
        assertTrue(results.stream().anyMatch(r -> r.join() instanceof Transcription.NotUnderstood));
        assertEquals(0, engine.pending());
        // once drained, work that may be wasted is accepted again on the idle worker; captions still are not, since
        // they would leave no worker free for the next final transcript
        assertInstanceOf(Transcription.NotUnderstood.class,
                await(engine.transcribe(Wav.silence(500), SpeechRecognizer.Priority.SPECULATIVE)));
        assertEquals(Transcription.Reason.BUSY, assertInstanceOf(Transcription.Failed.class,
                await(engine.transcribe(Wav.silence(500), SpeechRecognizer.Priority.PARTIAL))).reason());
    }

    @Test
    void theFittedAudioContextCoversTheAudioWithAMarginWithinTheWindow() {
        assertEquals(250 + 128, WhisperEngine.audioContext(16_000 * 5));
        assertEquals(251 + 128, WhisperEngine.audioContext(16_000 * 5 + 1), "a partial frame counts");
        assertEquals(1500, WhisperEngine.audioContext(16_000 * 29));
        assertEquals(1500, WhisperEngine.audioContext(16_000 * 60));
    }

    @Test
    void pcmConversionScalesAndPads() {
        float[] f = WhisperEngine.toFloat(new short[] {0, 16384, -32768, 32767}, 10);
        assertEquals(10, f.length);
        assertEquals(0f, f[0]);
        assertEquals(0.5f, f[1]);
        assertEquals(-1f, f[2]);
        assertTrue(f[3] < 1f && f[3] > 0.9999f);
        assertEquals(0f, f[9]);
        assertEquals(5, WhisperEngine.toFloat(new short[5], 2).length);
    }

    @Test
    void nonSpeechAnnotationsAreNotAnAnswer() {
        assertEquals("", WhisperEngine.clean(" [BLANK_AUDIO]"));
        assertEquals("", WhisperEngine.clean("(upbeat music) *sighs* ..."));
        assertEquals("I would use a hash map.", WhisperEngine.clean(" I would use  a hash map. [inaudible]"));
    }

    @Test
    void brokenModelFilesAreRejectedBeforeWhisperCppSeesThem() throws Exception {
        // each of these, handed to whisper.cpp, reads past the end of its buffers; here they are plain exceptions
        WhisperEngine.Settings settings = new WhisperEngine.Settings(1, 1, 0, "en", true);
        assertThrows(InvalidModelException.class, () -> WhisperEngine.load(dir.resolve("missing.bin"), settings));
        assertThrows(InvalidModelException.class,
                () -> WhisperEngine.load(ModelFiles.truncated(dir, 200_000), settings));
        assertThrows(InvalidModelException.class,
                () -> WhisperEngine.load(ModelFiles.withHeaderInt(dir, 3, 1 << 30), settings));
        assertThrows(InvalidModelException.class, () -> WhisperEngine.load(ModelFiles.withTrailer(dir,
                GgmlModelValidatorTest.tensor("decoder.token_embedding.weight", 1, 384, 51864)), settings));
        // and the JVM is still here, with the shared engine still working
        assertNotEquals(null, await(engine.transcribe(Wav.silence(200), SpeechRecognizer.Priority.FINAL)));
    }
}
