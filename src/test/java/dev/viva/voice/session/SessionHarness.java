package dev.viva.voice.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.viva.live.LiveEvent;
import dev.viva.stt.ScriptedSpeechRecognizer;
import dev.viva.testing.Configs;
import dev.viva.testing.Wav;
import dev.viva.tts.ToneSynthesizer;
import dev.viva.voice.Pcm;
import dev.viva.voice.VoiceConfig;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Drives a {@link VoiceSession} the way the socket does, but with time in the test's hands: every 20 ms frame of
 * audio advances the clock by 20 ms and ticks the session, and the session's mailbox is drained by the test.
 * Speech recognition is the scripted double, answering at once (its results still come back through the mailbox,
 * as the real engine's do); synthesis is the tone double.
 */
final class SessionHarness implements AutoCloseable {

    static final short[] LONG_ANSWER = Wav.fixture("long-answer-with-pauses.wav");
    /** The first 3.4 s of the long answer: one phrase, no pause inside. */
    static final short[] SHORT_ANSWER = Arrays.copyOf(LONG_ANSWER, 16 * 3_400);
    static final String SHORT_TEXT = "I would start by profiling the slow endpoint";
    static final String LONG_TEXT = SHORT_TEXT + " and then add an index on the customer id column before caching "
            + "the hot reads in redis with a short time to live";
    private static final ObjectMapper JSON = new ObjectMapper();

    final AtomicLong clock = new AtomicLong(5_000);
    private final LinkedBlockingQueue<Runnable> mailbox = new LinkedBlockingQueue<>();
    final RecordingClient client = new RecordingClient();
    final FakeConversation conversation;
    final ScriptedSpeechRecognizer stt = new ScriptedSpeechRecognizer(Runnable::run)
            .say(SHORT_ANSWER, SHORT_TEXT).say(LONG_ANSWER, LONG_TEXT); // the short one wins ties: its own prefix
    final ToneSynthesizer tts = new ToneSynthesizer();
    final List<LiveEvent> live = new CopyOnWriteArrayList<>();
    final List<TurnLatency> latencies = new CopyOnWriteArrayList<>();
    final VoiceConfig config;
    final VoiceSession session;

    SessionHarness(Map<String, String> settings, int questions) {
        config = Configs.mapping(VoiceConfig.class, settings);
        conversation = new FakeConversation(questions);
        session = new VoiceSession(conversation, stt, tts, config, 1_500, client, live::add, latencies::add,
                mailbox::add,
                clock::get);
    }

    SessionHarness() {
        this(Map.of(), 3);
    }

    void drain() {
        Runnable task;
        while ((task = mailbox.poll()) != null) {
            task.run();
        }
    }

    void send(String json) {
        try {
            session.message(JSON.readValue(json, ClientMessage.class));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
        drain();
    }

    void startVoice() {
        send("{\"type\":\"start\",\"audio\":{\"encoding\":\"s16le\",\"sampleRate\":16000,\"channels\":1}}");
    }

    /** Streams 16 kHz audio in real time: 20 ms frames, the clock advancing with each. */
    void speak(short[] audio) {
        for (int pos = 0; pos < audio.length; pos += 320) {
            frame(Arrays.copyOfRange(audio, pos, Math.min(audio.length, pos + 320)), 20);
        }
    }

    void silence(int ms) {
        speak(Wav.silence(ms));
    }

    void frame(short[] samples, long advanceMs) {
        clock.addAndGet(advanceMs);
        session.audio(ByteBuffer.wrap(Pcm.encodeS16le(samples)), clock.get());
        session.tick();
        drain();
    }

    /** Lets time pass with the microphone streaming silence until the condition holds (at most {@code maxMs}). */
    void silenceUntil(BooleanSupplier condition, int maxMs) {
        for (int waited = 0; !condition.getAsBoolean(); waited += 20) {
            assertThat(waited).as("condition within %d ms of audio", maxMs).isLessThan(maxMs);
            silence(20);
        }
    }

    /** Plays out the interviewer's current utterance and reports it played, so the session listens. */
    void hearUtteranceOut() {
        silenceUntil(() -> client.last(ServerMessage.AudioEnd.class) != null
                && client.last(ServerMessage.AudioEnd.class).audioId() == lastAudioId(), 60_000);
        send("{\"type\":\"playback\",\"state\":\"ended\",\"audioId\":" + lastAudioId() + "}");
    }

    int lastAudioId() {
        return client.last(ServerMessage.Said.class).audioId();
    }

    String state() {
        List<String> states = client.states();
        return states.isEmpty() ? null : states.getLast();
    }

    @Override
    public void close() {
        stt.close();
    }
}
