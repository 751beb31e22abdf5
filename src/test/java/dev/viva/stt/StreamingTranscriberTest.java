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
            .say(Wav.read(Wav.jfk()), ScriptedSpeechRecognizerTest.JFK);
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
        speak(Wav.read(Wav.jfk()));
        await().atMost(Duration.ofSeconds(5)).until(() -> partials.size() >= 4);
        // every caption is a prefix of the answer and they never shrink
        for (int i = 0; i < partials.size(); i++) {
            assertTrue(ScriptedSpeechRecognizerTest.JFK.startsWith(partials.get(i)), partials.get(i));
            if (i > 0) {
                assertTrue(partials.get(i).length() >= partials.get(i - 1).length(), partials.toString());
            }
        }
        long partialCalls = stt.calls().stream().filter(c -> c.priority() == SpeechRecognizer.Priority.PARTIAL)
                .count();
        assertTrue(partialCalls <= 11_000 / 1500, "one partial per 1.5 s of audio at most: " + partialCalls);

        Transcription done = transcriber.transcribe(SpeechRecognizer.Priority.FINAL).toCompletableFuture()
                .get(5, TimeUnit.SECONDS);
        assertEquals(ScriptedSpeechRecognizerTest.JFK, assertInstanceOf(Transcription.Heard.class, done).text());
        assertEquals(SpeechRecognizer.Priority.FINAL, stt.calls().getLast().priority());
        assertEquals(11_000, stt.calls().getLast().audioMs());
        assertEquals(11_000, transcriber.bufferedMs(), "the answer stays open until reset");
        transcriber.reset();
        assertEquals(0, transcriber.bufferedMs(), "the next answer starts empty");
    }

    @Test
    void aPartialThatArrivesAfterTheFinalIsDropped() throws Exception {
        var release = stt.hold();
        short[] jfk = Wav.read(Wav.jfk());
        transcriber.append(Arrays.copyOf(jfk, 16_000 * 2)); // one partial requested, held back
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
        transcriber.append(Wav.read(Wav.jfk()));
        assertEquals(List.of(), stt.calls());
        Transcription done = transcriber.transcribe(SpeechRecognizer.Priority.FINAL).toCompletableFuture().join();
        assertEquals(Transcription.Reason.UNAVAILABLE, assertInstanceOf(Transcription.Failed.class, done).reason());
    }
}
