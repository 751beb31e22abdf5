package dev.viva.stt;

import dev.viva.testing.Wav;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamingTranscriberTest {

    private final ScriptedSpeechRecognizer stt = new ScriptedSpeechRecognizer()
            .say(Wav.read(Wav.pausedAnswer()), ScriptedSpeechRecognizerTest.SPEECH);
    private final List<String> partials = new CopyOnWriteArrayList<>();
    private final StreamingTranscriber transcriber =
            new StreamingTranscriber(stt, 1500, heard -> partials.add(heard.text()));

    @AfterEach
    void close() {
        stt.close();
    }

    /** Feeds audio in 20 ms frames, pausing now and then so partials can come back as they would in real time. */
    private void speak(short[] audio) {
        for (int pos = 0; pos < audio.length; pos += 320) {
            transcriber.append(Arrays.copyOfRange(audio, pos, Math.min(audio.length, pos + 320)));
            if (pos % 16_000 == 0) {
                await().atMost(Duration.ofSeconds(5)).until(() -> stt.calls().stream()
                        .filter(c -> c.priority() == SpeechRecognizer.Priority.PARTIAL).count() <= partials.size());
            }
        }
    }

    @Test
    void partialsGrowWhileSpeakingAndTheFinalHasEverything() throws Exception {
        speak(Wav.read(Wav.pausedAnswer()));
        await().atMost(Duration.ofSeconds(5)).until(() -> partials.size() >= 4);
        // every caption is a prefix of the answer and they never shrink
        for (int i = 0; i < partials.size(); i++) {
            assertTrue(ScriptedSpeechRecognizerTest.SPEECH.startsWith(partials.get(i)), partials.get(i));
            if (i > 0) {
                assertTrue(partials.get(i).length() >= partials.get(i - 1).length(), partials.toString());
            }
        }
        long partialCalls = stt.calls().stream().filter(c -> c.priority() == SpeechRecognizer.Priority.PARTIAL)
                .count();
        assertTrue(partialCalls <= 11_000 / 1500, "one partial per 1.5 s of audio at most: " + partialCalls);

        Transcription done = transcriber.transcribe(SpeechRecognizer.Priority.FINAL).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        assertEquals(ScriptedSpeechRecognizerTest.SPEECH, assertInstanceOf(Transcription.Heard.class, done).text());
        assertEquals(SpeechRecognizer.Priority.FINAL, stt.calls().getLast().priority());
        assertEquals(11_000, stt.calls().getLast().audioMs());
        assertEquals(11_000, transcriber.bufferedMs(), "the answer stays open until reset");
        transcriber.reset();
        assertEquals(0, transcriber.bufferedMs(), "the next answer starts empty");
    }

    @Test
    void aPartialThatArrivesAfterTheFinalIsDropped() throws Exception {
        var release = stt.hold();
        short[] speech = Wav.read(Wav.pausedAnswer());
        transcriber.append(Arrays.copyOf(speech, 16_000 * 2)); // one partial requested, held back
        var finalResult = transcriber.transcribe(SpeechRecognizer.Priority.FINAL);
        release.complete(null);
        Transcription done = finalResult.toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertInstanceOf(Transcription.Heard.class, done);
        Thread.sleep(200); // give the held partial every chance to be (wrongly) delivered
        assertEquals(List.of(), partials);
    }

    @Test
    void noPartialsWhenRecognitionIsUnavailable() {
        stt.available(false);
        transcriber.append(Wav.read(Wav.pausedAnswer()));
        assertEquals(List.of(), stt.calls());
        Transcription done = transcriber.transcribe(SpeechRecognizer.Priority.FINAL).toCompletableFuture().join();
        assertEquals(Transcription.Reason.UNAVAILABLE, assertInstanceOf(Transcription.Failed.class, done).reason());
    }

    /**
     * A recognizer that takes pieces: it records what it was given and answers from a script, one text per call
     * (or "not understood" for a null), synchronously.
     */
    private static final class Pieces implements SpeechRecognizer {

        record Call(Priority priority, long audioMs, String context) {
        }

        final List<Call> calls = new CopyOnWriteArrayList<>();
        final java.util.Deque<String> answers = new java.util.ArrayDeque<>();

        Pieces answer(String... texts) {
            answers.addAll(Arrays.asList(texts));
            return this;
        }

        @Override
        public boolean isAvailable() {
            return true;
        }

        @Override
        public boolean transcribesInPieces() {
            return true;
        }

        @Override
        public java.util.concurrent.CompletionStage<Transcription> transcribe(short[] samples, Priority priority,
                                                                             String context) {
            calls.add(new Call(priority, samples.length / 16L, context));
            String text = answers.poll();
            long ms = samples.length / 16L;
            return java.util.concurrent.CompletableFuture.completedFuture(text == null || text.equals("-")
                    ? new Transcription.NotUnderstood(ms, 0, 1) : new Transcription.Heard(text, ms, 0, 1));
        }
    }

    private static Transcription.Heard heard(StreamingTranscriber t, SpeechRecognizer.Priority priority) {
        return assertInstanceOf(Transcription.Heard.class,
                t.transcribe(priority).toCompletableFuture().join());
    }

    @Test
    void whatAPauseHeardIsKeptAndOnlyTheRestIsTranscribedWithItAsContext() {
        Pieces stt = new Pieces().answer("I would profile the endpoint", "and then add an index");
        StreamingTranscriber t = new StreamingTranscriber(stt, 60_000, heard -> { });
        t.append(new short[16 * 3_000]);
        assertEquals("I would profile the endpoint", heard(t, SpeechRecognizer.Priority.SPECULATIVE).text());
        t.append(new short[16 * 2_500]); // the candidate went on after the pause
        Transcription.Heard whole = heard(t, SpeechRecognizer.Priority.FINAL);
        assertEquals("I would profile the endpoint and then add an index", whole.text());
        assertEquals(5_500, whole.audioMs(), "the whole answer's length");
        assertEquals(List.of(new Pieces.Call(SpeechRecognizer.Priority.SPECULATIVE, 3_000, ""),
                new Pieces.Call(SpeechRecognizer.Priority.FINAL, 2_500, "I would profile the endpoint")), stt.calls);
    }

    @Test
    void aShortPieceIsHeardAgainWithWhatFollows() {
        Pieces stt = new Pieces().answer("so", "so I would shard by customer");
        StreamingTranscriber t = new StreamingTranscriber(stt, 60_000, heard -> { });
        t.append(new short[16 * 1_000]);
        heard(t, SpeechRecognizer.Priority.SPECULATIVE);
        t.append(new short[16 * 3_000]);
        assertEquals("so I would shard by customer", heard(t, SpeechRecognizer.Priority.FINAL).text());
        assertEquals(4_000, stt.calls.getLast().audioMs(), "under " + StreamingTranscriber.MIN_PIECE_MS + " ms: not kept");
        assertEquals("", stt.calls.getLast().context());
    }

    @Test
    void anUnintelligibleLastPieceLeavesWhatWasHeardBeforeAndCaptionsContinueIt() {
        Pieces stt = new Pieces().answer("we cached the hot reads", "in redis", "-");
        List<String> captions = new CopyOnWriteArrayList<>();
        StreamingTranscriber t = new StreamingTranscriber(stt, 3_500, heard -> captions.add(heard.text()));
        t.append(new short[16 * 3_000]);
        heard(t, SpeechRecognizer.Priority.SPECULATIVE);
        t.append(new short[16 * 1_200]); // a caption is due: of the continuation, with what was kept in front
        assertEquals(List.of("we cached the hot reads in redis"), captions);
        Transcription.Heard whole = heard(t, SpeechRecognizer.Priority.FINAL);
        assertEquals("we cached the hot reads", whole.text(), "the cough at the end added nothing");
        assertEquals(4_200, whole.audioMs());
        assertEquals(List.of(new Pieces.Call(SpeechRecognizer.Priority.SPECULATIVE, 3_000, ""),
                new Pieces.Call(SpeechRecognizer.Priority.PARTIAL, 1_200, "we cached the hot reads"),
                new Pieces.Call(SpeechRecognizer.Priority.FINAL, 1_200, "we cached the hot reads")), stt.calls);
    }

    @Test
    void anotherAnswerStartsWithNothingKept() {
        Pieces stt = new Pieces().answer("first answer here", "second answer");
        StreamingTranscriber t = new StreamingTranscriber(stt, 60_000, heard -> { });
        t.append(new short[16 * 3_000]);
        heard(t, SpeechRecognizer.Priority.FINAL);
        t.reset();
        t.append(new short[16 * 2_500]);
        assertEquals("second answer", heard(t, SpeechRecognizer.Priority.FINAL).text());
        assertEquals(new Pieces.Call(SpeechRecognizer.Priority.FINAL, 2_500, ""), stt.calls.getLast());
    }

    @Test
    void aRecognizerOfWholeAnswersGetsTheWholeAnswerEveryTime() throws Exception {
        short[] speech = Wav.read(Wav.pausedAnswer());
        transcriber.append(Arrays.copyOf(speech, 16_000 * 5));
        transcriber.transcribe(SpeechRecognizer.Priority.SPECULATIVE).toCompletableFuture().get(5, TimeUnit.SECONDS);
        transcriber.append(Arrays.copyOfRange(speech, 16_000 * 5, speech.length));
        Transcription done = transcriber.transcribe(SpeechRecognizer.Priority.FINAL).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        assertEquals(ScriptedSpeechRecognizerTest.SPEECH, assertInstanceOf(Transcription.Heard.class, done).text());
        assertEquals(11_000, stt.calls().getLast().audioMs());
    }
}
