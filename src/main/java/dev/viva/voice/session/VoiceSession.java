package dev.viva.voice.session;

import dev.viva.interview.InputMode;
import dev.viva.interviewer.EngineInput;
import dev.viva.interviewer.Utterance;
import dev.viva.interviewer.generation.SpokenReply;
import dev.viva.interviewer.service.InterviewerService;
import dev.viva.live.LiveEvent;
import dev.viva.platform.error.ApiProblem;
import dev.viva.stt.SpeechRecognizer;
import dev.viva.stt.StreamingTranscriber;
import dev.viva.stt.Transcription;
import dev.viva.tts.SpeechChunk;
import dev.viva.tts.SpeechListener;
import dev.viva.tts.SpeechSynthesizer;
import dev.viva.voice.AudioFormat;
import dev.viva.voice.AudioFormatException;
import dev.viva.voice.AudioInput;
import dev.viva.voice.BackchannelDetector;
import dev.viva.voice.Pcm;
import dev.viva.voice.VadEvent;
import dev.viva.voice.VoiceActivityDetector;
import dev.viva.voice.VoiceConfig;
import org.jboss.logging.Logger;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One candidate connection: audio in, turn-taking, transcription, the interviewer's reply, speech out. A state machine
 * that handles one event at a time: every method runs on the session's own serial executor ({@code mailbox}), and the
 * asynchronous stages (speech recognition, synthesis) post their results back to it, so no field needs a lock and
 * the whole conversation can be driven in tests without sockets, threads or real time.
 *
 * <p>Whose turn it is: {@code listening} (the candidate may speak; their speech is captured as the answer),
 * {@code thinking} (the answer ended and is being transcribed and answered), {@code speaking} (the interviewer's audio
 * is playing; candidate speech longer than a backchannel interrupts it) and {@code paused} (the candidate stayed
 * silent through every prompt).
 */
public final class VoiceSession {

    private static final Logger LOG = Logger.getLogger(VoiceSession.class);
    private static final int SAMPLES_PER_MS = 16;
    /**
     * Audio taken from before the first voiced window: the soft onset of the first word is below the voicing
     * threshold, and Whisper misses words whose start is clipped.
     */
    private static final long ONSET_MARGIN_MS = 100;
    /** After the last audio was sent, how long playback may lag before the session assumes the client is done. */
    private static final long PLAYBACK_GRACE_MS = 1_000;
    /** Retries of a final transcription refused because every worker was busy. */
    private static final int BUSY_RETRIES = 3;
    private static final long BUSY_RETRY_MS = 400;

    /** Whose turn it is, as clients and recruiters see it. */
    public enum TurnState {
        LISTENING, THINKING, SPEAKING, PAUSED;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Conversation conversation;
    private final SpeechRecognizer recognizer;
    private final SpeechSynthesizer synthesizer;
    private final VoiceConfig config;
    private final int partialIntervalMs;
    private final ClientSink client;
    private final Consumer<LiveEvent> live;
    private final Consumer<TurnLatency> latencies;
    private final Executor mailbox;
    private final LongSupplier clock;
    private final BackchannelDetector backchannels;
    private final long openedAt;

    private long lastInboundAt;
    /** When the frame that last moved the detector's last voiced sample arrived, and when the detector saw it. */
    private long lastVoicedReceivedAt;
    private long lastVoicedProcessedAt;
    /** When each kind of frame error was last reported. */
    private final Map<String, Long> lastErrorAt = new HashMap<>();
    private boolean started;
    private boolean closed;
    private boolean voice;
    private boolean speech;
    private AudioInput input;
    private RateGate rate;
    private VoiceActivityDetector vad;
    /** The last second of audio, where the start of an answer is taken from once speech is confirmed. */
    private AudioHistory history;

    private Utterance current;
    private long currentSentAt;
    private TurnState state = TurnState.LISTENING;
    private Playback playback;
    private Playback stopped;
    private int nextAudioId = 1;
    private Capture capture;
    /** Timestamps (session clock) of the spoken answer being replied to, until its reply's first audio is sent. */
    private Times answerTimes;

    /**
     * @param received  when the frame with the last voiced sample arrived
     * @param processed when voice activity detection saw it
     * @param lastVoiced the last voiced sample in session clock, reckoned from the audio's own time at the turn's end
     */
    private record Times(long received, long processed, long lastVoiced, long ended, long transcribed, long replied,
                         int audioId) {
    }
    /** A reply being generated off the session's thread while its first words are spoken (streamed), or null. */
    private Pending pending;
    /** An input that came while {@code pending} was being generated: applied once that reply is complete. */
    private Runnable afterPending;

    /** A streamed reply under way: the interviewer call runs on its own thread and speaks through {@code spoken}. */
    private static final class Pending {
        final Times times;
        SpokenReply spoken;
        /** Its audio, from the first words on; null until then. */
        Playback playback;
        /** The candidate interrupted it (barge-in, a typed answer): nothing more of it is said. */
        boolean interrupted;

        Pending(Times times) {
            this.times = times;
        }
    }

    private long listeningSince;
    private int silencePrompts;
    private boolean muted;
    private boolean completing;

    /** The candidate's answer being captured: its audio, partial captions, and the transcriptions asked for. */
    private final class Capture {
        final StreamingTranscriber transcriber;
        /** Session clock when the first voiced sample was spoken. */
        final long spokenAt;
        /** Where the answer's speech began, in the detector's milliseconds of audio. */
        final long startMs;
        /** Began while the interviewer was speaking: a backchannel or a barge-in, not decided yet. */
        boolean overlapping;
        boolean ended;
        /** Ended by the length limit rather than by silence: speech that goes on is not part of it. */
        boolean cut;
        long endedAt;
        /**
         * Session clock by which a pause that may be a thinking pause ends the turn anyway; -1 when the turn is not
         * being held open.
         */
        long endBy = -1;
        /** Session clock at the last voiced sample, when the turn was ended by silence; -1 otherwise. */
        long lastVoicedAt = -1;
        /** When the frame with the last voiced sample arrived, and when it was processed (session clock). */
        long lastVoicedReceivedAt;
        long lastVoicedProcessedAt;
        Request early;
        Request wanted;
        int busyRetries;
        long retryAt = -1;

        Capture(short[] preRoll, long spokenAt, long startMs, boolean overlapping) {
            this.transcriber = new StreamingTranscriber(recognizer, partialIntervalMs,
                    heard -> mailbox.execute(() -> partial(this, heard)));
            this.spokenAt = spokenAt;
            this.startMs = startMs;
            this.overlapping = overlapping;
            transcriber.append(preRoll);
        }
    }

    /** A transcription of the capture up to {@code voicedUpTo} (VAD ms of its last voiced sample). */
    private static final class Request {
        final long voicedUpTo;
        final long audioMs;
        Transcription result;

        Request(long voicedUpTo, long audioMs) {
            this.voicedUpTo = voicedUpTo;
            this.audioMs = audioMs;
        }
    }

    public VoiceSession(Conversation conversation, SpeechRecognizer recognizer, SpeechSynthesizer synthesizer,
                        VoiceConfig config, int partialIntervalMs, ClientSink client, Consumer<LiveEvent> live,
                        Consumer<TurnLatency> latencies, Executor mailbox, LongSupplier clock) {
        this.conversation = conversation;
        this.recognizer = recognizer;
        this.synthesizer = synthesizer;
        this.config = config;
        this.partialIntervalMs = partialIntervalMs;
        this.client = client;
        this.live = live;
        this.latencies = latencies;
        this.mailbox = mailbox;
        this.clock = clock;
        this.backchannels = new BackchannelDetector(config.backchannel());
        this.openedAt = clock.getAsLong();
        this.lastInboundAt = openedAt;
    }

    /** The connection opened: an interview under way is shown where it stands (text only until {@code start}). */
    public void open() {
        conversation.current().ifPresent(u -> client.send(ServerMessage.Said.of(u, null)));
    }

    /** A JSON message arrived, already parsed. */
    public void message(ClientMessage m) {
        if (closed) {
            return;
        }
        lastInboundAt = clock.getAsLong();
        String type = m.type() == null ? "" : m.type();
        if (!type.equals("ping") && !type.equals("playback") && state == TurnState.PAUSED) {
            resumeFromPause();
        }
        Optional<ClientMessage.Type> known = ClientMessage.Type.of(type);
        if (known.isEmpty()) {
            error(400, "unknown-type", "unknown message type '" + type + "' (expected " + ClientMessage.Type.listed()
                    + ")");
            return;
        }
        switch (known.get()) {
            case START -> start(m);
            case PING -> client.send(new ServerMessage.Pong());
            case MUTE -> mute(Boolean.TRUE.equals(m.muted()));
            case PLAYBACK -> playback(m);
            case ANSWER -> {
                if (m.text() == null) {
                    error(400, "bad-request", "an answer needs \"text\" (empty if nothing was said)");
                } else {
                    typed(new EngineInput.Answer(m.text()), m.seq());
                }
            }
            case REPEAT -> typed(new EngineInput.RepeatRequest(), m.seq());
            case CLARIFY -> typed(new EngineInput.ClarifyRequest(), m.seq());
            case DONT_KNOW -> typed(new EngineInput.DontKnow(), m.seq());
            case SILENCE -> typed(new EngineInput.Silence(), m.seq());
            // the candidate's wish to stop holds whichever turn their client last saw
            case END -> typed(new EngineInput.End(), null);
        }
    }

    /** A message that is not a JSON object: {@code detail} says what it is instead. */
    public void malformed(String detail) {
        lastInboundAt = clock.getAsLong();
        error(400, "bad-json", detail);
    }

    /** A JSON message with a value the text rules refuse (a control character); nothing is applied. */
    public void invalid(String detail) {
        lastInboundAt = clock.getAsLong();
        error(400, "bad-request", detail);
    }

    /** A binary frame of candidate audio, received by the socket at {@code receivedAt} (session clock). */
    public void audio(ByteBuffer frame, long receivedAt) {
        if (closed) {
            return;
        }
        long now = clock.getAsLong();
        lastInboundAt = now;
        if (!started) {
            throttledError(now, 409, "not-started", "send {\"type\":\"start\",\"audio\":{...}} before audio frames");
            return;
        }
        if (!voice || muted || completing) {
            return; // text session, muted microphone, or the goodbye playing: nothing to listen for
        }
        if (!rate.admit(frame.remaining(), now)) {
            if (rate.violatingFor(now) > config.rateViolationLimit().toMillis()) {
                close(4429, "audio keeps arriving faster than real time");
            } else {
                throttledError(now, 429, "rate-exceeded", "audio is arriving faster than real time; frames are "
                        + "being dropped. Stream the microphone as it records.");
            }
            return;
        }
        short[] samples;
        try {
            samples = input.accept(frame).samples();
        } catch (AudioFormatException e) {
            throttledError(now, 400, "odd-length-audio", e.getMessage());
            return;
        }
        history.add(samples);
        if (capture != null) {
            capture.transcriber.append(samples);
        }
        long voicedBefore = vad.lastVoicedMs();
        List<VadEvent> events = vad.accept(samples);
        if (vad.lastVoicedMs() != voicedBefore) {
            lastVoicedReceivedAt = receivedAt;
            lastVoicedProcessedAt = now;
        }
        for (VadEvent event : events) {
            switch (event) {
                case VadEvent.SpeechStarted s -> speechStarted(s, now);
                case VadEvent.TurnEnded e -> turnEnded(e, now);
            }
        }
        if (capture != null && !capture.ended) {
            duringSpeech(now);
        }
    }

    /** Timers: pacing of the interviewer's audio, silence prompts, retries and the connection's limits. */
    public void tick() {
        if (closed) {
            return;
        }
        long now = clock.getAsLong();
        if (now - lastInboundAt >= config.idleTimeout().toMillis()) {
            close(4408, "nothing received for " + config.idleTimeout().toSeconds() + " s");
            return;
        }
        if (now - openedAt >= config.maxSession().toMillis()) {
            close(4413, "the connection lasted longer than " + config.maxSession().toMinutes() + " minutes");
            return;
        }
        if (playback != null) {
            pump(now);
        }
        if (capture != null && !capture.ended && capture.endBy >= 0 && now >= capture.endBy) {
            endAnswer(capture, now);
        }
        if (capture != null && capture.retryAt >= 0 && now >= capture.retryAt) {
            capture.retryAt = -1;
            requestFinal(capture, vad.lastVoicedMs());
        }
        if (voice && started && state == TurnState.LISTENING && capture == null && !muted && !completing
                && current != null && now - listeningSince >= config.silencePromptAfter().toMillis()) {
            silencePrompt();
        }
    }

    /**
     * The connection closed (or was taken over): stops everything under way.
     *
     * @return whether an answer was being spoken, whose audio is lost with the connection
     */
    public boolean stop() {
        closed = true;
        if (pending != null) {
            pending.spoken.interrupt();
        }
        if (playback != null && playback.synthesis != null) {
            playback.synthesis.cancel();
        }
        playback = null;
        boolean answering = capture != null;
        capture = null;
        return answering;
    }

    /** The previous connection dropped while the candidate was answering: tell them to give that answer again. */
    public void answerLost() {
        notice("resumed", "The connection dropped while you were answering; please give that answer again.");
    }

    // --- control ---------------------------------------------------------------------------------------------------

    private void start(ClientMessage m) {
        String reason = null;
        input = null;
        AudioFormat format = m.audio();
        if (format != null) {
            try {
                input = format.negotiate();
            } catch (AudioFormatException e) {
                error(400, "bad-audio-format", e.getMessage());
                reason = e.getMessage() + "; continuing in text mode";
            }
        }
        if (input != null && !recognizer.isAvailable()) {
            reason = "speech recognition is unavailable right now; please type your answers";
            input = null;
        }
        voice = input != null;
        speech = !Boolean.FALSE.equals(m.speech()) && synthesizer.isAvailable();
        long now = clock.getAsLong();
        if (voice) {
            rate = new RateGate(format.sampleRate() * 2, config.rateTolerance(), config.rateBurst().toMillis(), now);
            vad = new VoiceActivityDetector(config.vad());
            history = new AudioHistory(16_000);
        }
        started = true;
        client.send(new ServerMessage.Ready(voice ? "voice" : "text", voice ? format : null,
                speech ? AudioFormat.NATIVE : null, reason, new ServerMessage.Limits(config.maxFrameBytes(),
                config.maxMessageBytes(), config.maxUtterance().toMillis(), config.idleTimeout().toMillis())));
        Utterance u;
        try {
            if (Boolean.TRUE.equals(m.consent())) {
                conversation.recordConsent();
            }
            u = conversation.start();
        } catch (ApiProblem p) {
            refused(p);
            return;
        }
        stopSpeaking("restart");
        say(u);
    }

    private void typed(EngineInput in, Integer seq) {
        if (!started) {
            error(409, "not-started", "send {\"type\":\"start\"} first");
            return;
        }
        if (completing) {
            return;
        }
        capture = null; // a typed answer replaces anything being spoken
        stopSpeaking("answered");
        silencePrompts = 0;
        respond(in, () -> seq, InterviewerService.AnswerMeta.text());
    }

    private void mute(boolean mute) {
        muted = mute;
        if (mute) {
            capture = null;
        } else {
            listeningSince = clock.getAsLong();
        }
    }

    private void playback(ClientMessage m) {
        long now = clock.getAsLong();
        Integer id = m.audioId();
        if ("ended".equals(m.state()) && playback != null && id != null && id == playback.audioId
                && playback.allSent()) {
            finishedSpeaking(now);
        } else if ("stopped".equals(m.state()) && stopped != null && id != null && id == stopped.audioId
                && m.playedMs() != null && m.playedMs() >= 0) {
            // the client knows what it really played; the estimate at the barge-in assumed no network delay
            recordHeard(stopped, Math.min(m.playedMs(), stopped.sentMs()));
            stopped = null;
        }
    }

    private void resumeFromPause() {
        silencePrompts = 0;
        setState(TurnState.LISTENING);
        listeningSince = clock.getAsLong();
    }

    private void silencePrompt() {
        silencePrompts++;
        if (silencePrompts > config.maxSilencePrompts()) {
            setState(TurnState.PAUSED);
            return;
        }
        respond(new EngineInput.Silence(), () -> current.seq(), new InterviewerService.AnswerMeta(InputMode.VOICE, null,
                null, 0L, null));
    }

    // --- listening -------------------------------------------------------------------------------------------------

    private void speechStarted(VadEvent.SpeechStarted s, long now) {
        if (state == TurnState.PAUSED) {
            resumeFromPause();
        }
        if (capture != null && capture.ended) {
            if (capture.cut) {
                return;
            }
            // the candidate went on after a pause long enough to end the turn: one answer, transcribed again later
            capture.ended = false;
            capture.wanted = null;
            capture.retryAt = -1;
            setState(TurnState.LISTENING);
            return;
        }
        if (capture == null) {
            long spokenAgoMs = history.position() / SAMPLES_PER_MS - s.atMs();
            short[] preRoll = history.since((s.atMs() - ONSET_MARGIN_MS) * SAMPLES_PER_MS);
            capture = new Capture(preRoll, now - spokenAgoMs, s.atMs(), state == TurnState.SPEAKING);
        } else {
            capture.endBy = -1; // they went on after a pause that was held open: still the same answer
        }
    }

    private void duringSpeech(long now) {
        Capture c = capture;
        if (c.overlapping && playback != null
                && backchannels.classify(vad.currentSpeechMs(), false) == BackchannelDetector.Verdict.BARGE_IN) {
            c.overlapping = false;
            stopSpeaking("barge-in");
            setState(TurnState.LISTENING);
        }
        if (c.overlapping) {
            return;
        }
        if (c.transcriber.bufferedMs() >= config.maxUtterance().toMillis()) {
            notice("answer-cut", "That answer reached the " + config.maxUtterance().toSeconds()
                    + " s limit, so it ends here.");
            c.cut = true;
            endAnswer(c, now);
            return;
        }
        if (c.early == null && vad.silenceMs() >= config.vad().earlyTranscriptionMs()) {
            Request early = new Request(vad.lastVoicedMs(), c.transcriber.bufferedMs());
            c.early = early;
            whenDone(c, early, c.transcriber.transcribe(SpeechRecognizer.Priority.SPECULATIVE));
        } else if (c.early != null && c.early.voicedUpTo != vad.lastVoicedMs()) {
            c.early = null; // they went on speaking: that early transcript is incomplete
        }
    }

    private void turnEnded(VadEvent.TurnEnded e, long now) {
        Capture c = capture;
        if (c == null || c.ended) {
            return;
        }
        if (c.overlapping) {
            if (playback != null) {
                capture = null; // too short to be an interruption: a backchannel while the interviewer talks
                return;
            }
            c.overlapping = false; // the interviewer finished meanwhile: this is an early answer
        }
        long holdMs = config.vad().longAnswerSilenceMs() - config.vad().endOfTurnSilenceMs();
        if (holdMs > 0 && mayBeThinking(c)) {
            c.endBy = now + holdMs;
            if (!earlyUsable(c)) {
                // no worker was idle for the early transcript: queue it now, so that it is ready, or nearly, when the
                // held pause ends, and it ends the pause at once if the words sound finished. The work is not lost if
                // they go on: the transcriber keeps what this heard and continues after it.
                Request early = new Request(vad.lastVoicedMs(), c.transcriber.bufferedMs());
                c.early = early;
                whenDone(c, early, c.transcriber.transcribe(SpeechRecognizer.Priority.FINAL));
            }
            return;
        }
        endAnswer(c, now);
    }

    /** Whether the early transcript covers the answer up to this pause and has not failed. */
    private boolean earlyUsable(Capture c) {
        Request early = c.early;
        return early != null && early.voicedUpTo == vad.lastVoicedMs()
                && !(early.result instanceof Transcription.Failed);
    }

    /**
     * Whether the pause that reached the end-of-turn silence may be the candidate thinking: the early transcript of
     * the answer up to the pause trails off, or, with no transcript ready, the answer is long (people explaining at
     * length stop to think). A short answer, or one whose words sound finished, ends at once.
     */
    private boolean mayBeThinking(Capture c) {
        Request early = c.early;
        if (early != null && early.voicedUpTo == vad.lastVoicedMs()
                && early.result instanceof Transcription.Heard heard) {
            return TurnCompletion.unfinished(heard.text());
        }
        return vad.lastVoicedMs() - c.startMs >= config.vad().longAnswerAfterMs();
    }

    private void endAnswer(Capture c, long now) {
        c.ended = true;
        c.endBy = -1;
        c.endedAt = now;
        c.lastVoicedAt = c.cut ? -1 : now - (vad.positionMs() - vad.lastVoicedMs());
        c.lastVoicedReceivedAt = lastVoicedReceivedAt;
        c.lastVoicedProcessedAt = lastVoicedProcessedAt;
        setState(TurnState.THINKING);
        Request early = c.early;
        if (earlyUsable(c)) {
            c.wanted = early;
            if (early.result != null) {
                transcribed(c, early);
            }
        } else {
            requestFinal(c, vad.lastVoicedMs());
        }
    }

    private void requestFinal(Capture c, long voicedUpTo) {
        Request r = new Request(voicedUpTo, c.transcriber.bufferedMs());
        c.wanted = r;
        whenDone(c, r, c.transcriber.transcribe(SpeechRecognizer.Priority.FINAL));
    }

    private void whenDone(Capture c, Request r, CompletionStage<Transcription> stage) {
        stage.thenAccept(result -> mailbox.execute(() -> {
            r.result = result;
            if (capture == c && c.endBy >= 0 && r == c.early && r.voicedUpTo == vad.lastVoicedMs()
                    && result instanceof Transcription.Heard heard && !TurnCompletion.unfinished(heard.text())) {
                endAnswer(c, clock.getAsLong()); // a held pause after words that sound finished: the turn is over
                return;
            }
            if (capture != c || !c.ended || c.wanted != r) {
                return;
            }
            if (r == c.early && result instanceof Transcription.Failed) {
                requestFinal(c, r.voicedUpTo); // no idle worker was free early: queue it now
            } else {
                transcribed(c, r);
            }
        }));
    }

    private void partial(Capture c, Transcription.Heard heard) {
        if (capture == c && !c.ended && !c.overlapping && current != null) {
            client.send(new ServerMessage.PartialTranscript(current.seq(), heard.text()));
            live.accept(new LiveEvent.PartialTranscript(current.seq(), heard.text()));
        }
    }

    private void transcribed(Capture c, Request r) {
        long now = clock.getAsLong();
        switch (r.result) {
            case Transcription.Heard heard -> {
                capture = null;
                client.send(new ServerMessage.FinalTranscript(current.seq(), heard.text()));
                silencePrompts = 0;
                answerTimes = c.lastVoicedAt < 0 ? null : new Times(c.lastVoicedReceivedAt,
                        c.lastVoicedProcessedAt, c.lastVoicedAt, c.endedAt, now, -1, 0);
                respond(new EngineInput.Answer(heard.text()), () -> current.seq(), new InterviewerService.AnswerMeta(
                        InputMode.VOICE, Math.max(0, c.spokenAt - currentSentAt),
                        Math.max(0, c.endedAt - currentSentAt), r.audioMs, null));
            }
            case Transcription.NotUnderstood none -> {
                capture = null;
                notice("not-caught", "Sorry, nothing I could make out was heard.");
                answerTimes = c.lastVoicedAt < 0 ? null : new Times(c.lastVoicedReceivedAt,
                        c.lastVoicedProcessedAt, c.lastVoicedAt, c.endedAt, now, -1, 0);
                respond(new EngineInput.Silence(), () -> current.seq(), new InterviewerService.AnswerMeta(
                        InputMode.VOICE, null, null, r.audioMs, null));
            }
            case Transcription.Failed failed -> {
                if (failed.reason() == Transcription.Reason.BUSY && c.busyRetries < BUSY_RETRIES) {
                    c.busyRetries++;
                    c.wanted = null;
                    c.retryAt = now + BUSY_RETRY_MS;
                    return;
                }
                capture = null;
                switch (failed.reason()) {
                    case BUSY -> notice("stt-busy", "The server is very busy and could not transcribe that; please "
                            + "say it again or type it.");
                    case UNAVAILABLE -> {
                        voice = false;
                        notice("stt-unavailable", "Speech recognition is unavailable right now; please type your "
                                + "answers.");
                    }
                    case ENGINE_ERROR -> {
                        LOG.warnf("Transcription failed: %s", failed.message());
                        notice("not-caught", "Sorry, that could not be transcribed; please say it again.");
                    }
                }
                listen(now);
            }
        }
    }

    // --- answering and speaking ------------------------------------------------------------------------------------

    /**
     * Applies an input and says the reply.
     *
     * @param seq the turn answered, read when the input is applied: an answer given while a streamed reply was still
     *            being generated answers that reply, which is the current turn by the time it is applied
     */
    private void respond(EngineInput in, Supplier<Integer> seq, InterviewerService.AnswerMeta meta) {
        if (pending != null) {
            afterPending = () -> respond(in, seq, meta); // one reply at a time, as the interview is one conversation
            return;
        }
        setState(TurnState.THINKING);
        Times times = answerTimes;
        answerTimes = null;
        if (speech && conversation.streamsReplies()) {
            respondStreaming(in, seq.get(), meta, times);
            return;
        }
        Utterance u;
        try {
            u = conversation.submit(in, seq.get(), meta);
        } catch (ApiProblem p) {
            refused(p);
            return;
        }
        long replied = clock.getAsLong();
        say(u);
        replyTimes(times, replied);
    }

    /** The reply's first audio will be measured against the answer it replies to. */
    private void replyTimes(Times times, long replied) {
        if (times != null && playback != null) {
            answerTimes = new Times(times.received(), times.processed(), times.lastVoiced(), times.ended(),
                    times.transcribed(), replied, playback.audioId);
        }
    }

    /**
     * The reply may be spoken while it is generated: the interviewer runs on a thread of its own, handing over words
     * as they are safe to say, while this session goes on listening (the candidate can interrupt). Its results come
     * back through the mailbox like every other event.
     */
    private void respondStreaming(EngineInput in, Integer seq, InterviewerService.AnswerMeta meta, Times times) {
        Pending p = new Pending(times);
        p.spoken = new SpokenReply(text -> mailbox.execute(() -> streamed(p, text)));
        pending = p;
        Thread.ofVirtual().name("viva-reply").start(() -> {
            try {
                Utterance u = conversation.submit(in, seq, meta, p.spoken);
                mailbox.execute(() -> replied(p, u));
            } catch (ApiProblem e) {
                mailbox.execute(() -> replyRefused(p, e));
            } catch (RuntimeException e) {
                mailbox.execute(() -> {
                    pending = null;
                    throw e; // the session is in no known state: the mailbox closes it (1011)
                });
            }
        });
    }

    /** Words of a streamed reply: spoken after what came before them, the first ones starting its audio. */
    private void streamed(Pending p, String text) {
        if (closed || pending != p || p.interrupted) {
            return;
        }
        long now = clock.getAsLong();
        Playback b = p.playback;
        if (b == null) {
            b = new Playback(nextAudioId++, null);
            p.playback = b;
            playback = b;
            currentSentAt = now;
            setState(TurnState.SPEAKING);
            replyTimes(p.times, now);
        }
        client.send(new ServerMessage.SaidSoFar(b.audioId, text));
        b.toSynthesise.add(text);
        synthesiseNext(b);
    }

    /** Starts synthesising a streamed reply's next words once the previous ones are done, so audio stays in order. */
    private void synthesiseNext(Playback b) {
        if (playback != b || b.synthesising) {
            return;
        }
        String text = b.toSynthesise.poll();
        if (text == null) {
            if (b.textComplete) {
                b.synthesised();
                pump(clock.getAsLong());
            }
            return;
        }
        b.synthesising = true;
        b.nextSynthesis();
        b.synthesis = synthesizer.synthesize(text, listener(b, () -> {
            b.synthesising = false;
            synthesiseNext(b);
        }));
    }

    /** The streamed reply is complete and committed: the utterance it was. */
    private void replied(Pending p, Utterance u) {
        if (closed || pending != p) {
            return;
        }
        pending = null;
        Playback b = p.playback;
        if (b == null && !p.interrupted) {
            replyTimes(p.times, clock.getAsLong());
            say(u); // nothing was streamed (not a model's follow-up): said as a whole
        } else {
            current = u;
            completing = u.done();
            client.send(ServerMessage.Said.of(u, b == null ? null : b.audioId));
            client.send(conversation.progress(u));
            if (b != null) {
                b.utterance = u;
                b.textComplete = true;
                if (b.heardMs != null) {
                    recordHeard(b, b.heardMs); // interrupted before the utterance was known
                }
                synthesiseNext(b);
            }
            if (playback == null && state != TurnState.LISTENING) {
                listen(clock.getAsLong());
            }
        }
        Runnable next = afterPending;
        afterPending = null;
        if (next != null) {
            next.run();
        }
    }

    private void replyRefused(Pending p, ApiProblem e) {
        if (closed || pending != p) {
            return;
        }
        pending = null;
        afterPending = null;
        if (p.playback != null && playback == p.playback) {
            stopSpeaking("error");
        }
        refused(e);
    }

    private void say(Utterance u) {
        long now = clock.getAsLong();
        current = u;
        currentSentAt = now;
        completing = u.done();
        Integer audioId = speech ? nextAudioId++ : null;
        client.send(ServerMessage.Said.of(u, audioId));
        client.send(conversation.progress(u));
        if (audioId == null) {
            finishedSpeaking(now);
            return;
        }
        Playback p = new Playback(audioId, u);
        playback = p;
        setState(TurnState.SPEAKING);
        p.synthesis = synthesizer.synthesize(u.text(), listener(p, () -> {
            p.synthesised();
            pump(clock.getAsLong());
        }));
    }

    /** Hands a synthesis's audio to {@code p} on the session's thread; {@code done} runs after its last chunk. */
    private SpeechListener listener(Playback p, Runnable done) {
        return new SpeechListener() {
            @Override
            public void onChunk(SpeechChunk chunk) {
                mailbox.execute(() -> {
                    if (playback == p) {
                        p.add(chunk);
                        pump(clock.getAsLong());
                    }
                });
            }

            @Override
            public void onComplete() {
                mailbox.execute(() -> {
                    if (playback == p) {
                        done.run();
                    }
                });
            }

            @Override
            public void onFailure(String reason) {
                mailbox.execute(() -> {
                    if (playback == p) {
                        LOG.warnf("Speech synthesis failed (%s); the utterance goes out as text only", reason);
                        done.run();
                    }
                });
            }
        };
    }

    private void pump(long now) {
        Playback p = playback;
        boolean first = !p.started();
        for (short[] chunk : p.due(now, config.playbackLead().toMillis())) {
            if (first) {
                first = false;
                Times t = answerTimes;
                TurnLatency latency = null;
                if (t != null && t.audioId() == p.audioId) {
                    answerTimes = null;
                    long queue = t.processed() - t.received();
                    long endOfTurn = t.ended() - t.lastVoiced();
                    // the silence's audio time against the wall time it took to arrive after the last voiced frame
                    long late = t.ended() - t.processed() - endOfTurn;
                    latency = new TurnLatency(queue, endOfTurn, late, t.transcribed() - t.ended(),
                            t.replied() - t.transcribed(), now - t.replied(), now - t.received(), t.received(), now);
                    latencies.accept(latency);
                }
                client.send(new ServerMessage.AudioStart(p.audioId, SpeechSynthesizer.SAMPLE_RATE, latency));
            }
            client.sendAudio(Pcm.encodeS16le(chunk));
        }
        if (p.endDue()) {
            client.send(new ServerMessage.AudioEnd(p.audioId, p.sentMs()));
            p.endSent();
        }
        if (p.nothingToPlay() || p.playedOut(now, PLAYBACK_GRACE_MS)) {
            finishedSpeaking(now);
        }
    }

    private void finishedSpeaking(long now) {
        playback = null;
        if (completing) {
            client.send(new ServerMessage.Completed("COMPLETED", conversation.reportPath()));
            close(1000, "the interview is complete");
            return;
        }
        if (capture != null && capture.overlapping) {
            capture.overlapping = false; // speech that began during the last words is the answer
        }
        listen(now);
    }

    private void listen(long now) {
        if (capture == null || !capture.ended) {
            setState(TurnState.LISTENING);
        }
        listeningSince = now;
    }

    /** Stops the interviewer's audio (barge-in, typed answer) and records how much of it the candidate heard. */
    private void stopSpeaking(String reason) {
        if (pending != null) {
            pending.interrupted = true; // a reply still being generated says nothing more
            pending.spoken.interrupt();
        }
        Playback p = playback;
        if (p == null) {
            return;
        }
        playback = null;
        if (p.synthesis != null) {
            p.synthesis.cancel();
        }
        if (p.started()) {
            client.send(new ServerMessage.AudioStop(p.audioId, reason));
        }
        recordHeard(p, p.playedMs(clock.getAsLong()));
        stopped = p;
    }

    private void recordHeard(Playback p, long playedMs) {
        if (p.utterance == null) {
            p.heardMs = playedMs; // a streamed reply not committed yet: recorded once it is
            return;
        }
        if (!p.utterance.kind().opensTurn()) {
            return; // a repeat or "didn't catch that" is not what the turn records as asked
        }
        String heard = p.heard(playedMs);
        if (heard != null) {
            try {
                conversation.recordHeard(p.utterance.seq(), heard);
            } catch (ApiProblem e) {
                LOG.debugf("Could not record what was heard of turn %d: %s", p.utterance.seq(), e.getMessage());
            }
        }
    }

    // --- output ----------------------------------------------------------------------------------------------------

    private void setState(TurnState next) {
        if (state != next) {
            state = next;
            client.send(new ServerMessage.State(next.id()));
            live.accept(new LiveEvent.TurnState(next.id()));
        }
    }

    private void notice(String code, String detail) {
        client.send(new ServerMessage.Notice(code, detail));
    }

    private void error(int status, String code, String detail) {
        client.send(new ServerMessage.Error(status, code, detail));
    }

    /** Frame errors repeat at frame rate; one of a kind a second is enough to tell the client, and bounds output. */
    private void throttledError(long now, int status, String code, String detail) {
        Long last = lastErrorAt.get(code);
        if (last == null || now - last >= 1_000) {
            lastErrorAt.put(code, now);
            error(status, code, detail);
        }
    }

    private void refused(ApiProblem p) {
        if (p.status() == 409) {
            error(409, "conflict", p.getMessage());
            close(4410, p.getMessage());
        } else {
            error(p.status(), p.status() == 400 ? "bad-request" : "refused", p.getMessage());
            listen(clock.getAsLong());
        }
    }

    private void close(int code, String reason) {
        stop();
        client.close(code, reason);
    }
}
