package dev.viva.voice.socket;

import dev.viva.platform.lifecycle.Draining;
import jakarta.annotation.Priority;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.viva.platform.error.JsonPaths;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.viva.interview.InterviewEvent;
import dev.viva.interview.InterviewStatus;
import dev.viva.interview.service.InterviewService;
import dev.viva.interviewer.InterviewerConfig;
import dev.viva.interviewer.service.InterviewerService;
import dev.viva.live.LiveHub;
import dev.viva.platform.cluster.Cluster;
import dev.viva.platform.cluster.ClusterMessage;
import dev.viva.platform.cluster.ClusterResync;
import dev.viva.role.RoleTemplates;
import dev.viva.stt.SpeechRecognizer;
import dev.viva.stt.SttConfig;
import dev.viva.tts.SpeechSynthesizer;
import dev.viva.voice.VoiceConfig;
import dev.viva.voice.session.ClientMessage;
import dev.viva.voice.session.ClientSink;
import dev.viva.voice.session.ServerMessage;
import dev.viva.voice.session.TurnLatency;
import dev.viva.voice.session.VoiceSession;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The live voice sessions, one per interview: a new connection takes over from an older one, sessions are ticked for
 * their timers, and a session whose interview is cancelled or abandoned elsewhere is closed. Across replicas, each
 * connection claims the interview's next generation ({@link SessionClaims}) and the others hear of it through the
 * {@link Cluster}: a session outranked by a newer connection on another replica closes with 4409, one whose interview
 * was cancelled or abandoned on another replica with 4410, and after the listening connection was lost every session
 * is checked against the database. Each session runs in
 * its own {@link Mailbox} on a shared pool of platform threads, so a session waiting for the database blocks nobody
 * else. Not virtual threads: the interviewer's assessment calls into ONNX Runtime through JNI, which pins a virtual
 * thread's carrier, and with a carrier per core two such calls would stall every session's audio.
 */
@ApplicationScoped
public class VoiceSessions {

    private static final Logger LOG = Logger.getLogger(VoiceSessions.class);
    /** Granularity of the interviewer audio's pacing and of every session timer. */
    private static final long TICK_MS = 20;
    /** A session this far behind (about 10 s of audio frames) drops audio rather than queue more. */
    private static final int MAX_BACKLOG = 500;

    private final InterviewerService interviewer;
    private final InterviewService interviews;
    private final RoleTemplates roles;
    private final SpeechRecognizer recognizer;
    private final SpeechSynthesizer synthesizer;
    private final VoiceConfig config;
    private final SttConfig stt;
    private final LiveHub live;
    private final SessionClaims claims;
    private final Cluster cluster;
    private final ObjectMapper json;
    private final Timer[] latency;
    /** The interviewer's follow-ups come from a model that streams: sessions speak them as they are generated. */
    private final boolean streamsReplies;
    private final Map<UUID, Entry> byInterview = new ConcurrentHashMap<>();
    private final Map<String, Entry> byConnection = new ConcurrentHashMap<>();
    /** Interviews whose last connection dropped in the middle of a spoken answer (guarded by this). */
    private final Set<UUID> lostAnswers = ConcurrentHashMap.newKeySet();
    private final ExecutorService executor = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("viva-voice-", 0).daemon().factory());
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("viva-voice-ticker").daemon().factory());

    /**
     * Claims of one interview on this replica are made one at a time (striped by interview), so a connection that
     * arrived here later never holds a lower generation than one it took over from.
     */
    private final Object[] claimLocks = Stream.generate(Object::new).limit(64).toArray();

    /**
     * {@code generation}: what this connection claimed (0 until its claim returns); {@code newestElsewhere}: the
     * highest generation another replica announced for the interview meanwhile.
     */
    private record Entry(UUID interviewId, WebSocketConnection connection, ClientSink sink, VoiceSession session,
                         Mailbox mailbox, AtomicBoolean tickQueued, AtomicLong generation, AtomicLong newestElsewhere) {
    }

    /** Why a candidate socket closes with 4409. */
    static final String TAKEN_OVER = "taken over by a newer connection to this interview";

    public VoiceSessions(InterviewerService interviewer, InterviewService interviews, RoleTemplates roles,
                         SpeechRecognizer recognizer, SpeechSynthesizer synthesizer,
                         VoiceConfig config, SttConfig stt, LiveHub live, SessionClaims claims, Cluster cluster,
                         ObjectMapper json, MeterRegistry registry, InterviewerConfig interviewerConfig) {
        this.interviewer = interviewer;
        this.streamsReplies = interviewerConfig.generator() == InterviewerConfig.GeneratorKind.LLM
                && interviewerConfig.llm().stream();
        this.interviews = interviews;
        this.roles = roles;
        this.recognizer = recognizer;
        this.synthesizer = synthesizer;
        this.config = config;
        this.stt = stt;
        this.live = live;
        this.claims = claims;
        this.cluster = cluster;
        this.json = json;
        registry.gaugeMapSize("viva.voice.sessions", List.of(), byConnection);
        latency = Stream.of("queue", "end-of-turn", "audio-late", "stt", "interviewer", "tts-first-chunk", "total")
                .map(stage -> Timer.builder("viva.voice.turn.latency")
                        .description("Candidate's last voiced sample to the reply's first audio, by stage")
                        .tag("stage", stage).publishPercentiles(0.5, 0.95).register(registry))
                .toArray(Timer[]::new);
        ticker.scheduleAtFixedRate(this::tickAll, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** Why candidates' sockets close when the server stops: they reconnect and the interview goes on. */
    private final AtomicBoolean shutDown = new AtomicBoolean();

    public static final String SHUTDOWN_REASON = "the server is restarting; reconnect to continue the interview";

    void onStop(@Observes @Priority(10) ShutdownEvent event) {
        shutdown(config.shutdownGrace());
    }

    /**
     * A graceful stop begins (SIGTERM; quarkus.shutdown.delay-enabled): the sockets close here, while the HTTP server
     * still runs, which ShutdownEvent is too late for (by then the server has closed them with a bare 1000).
     */
    void onStopping(@Observes ShutdownDelayInitiatedEvent event) {
        shutdown(config.shutdownGrace());
    }

    /**
     * Closes every candidate socket with 1001 and {@link #SHUTDOWN_REASON}, each from its own mailbox, so an answer
     * the session is committing commits first; waits up to {@code grace} for the close frames to be sent. New
     * sessions are refused from the start ({@link Draining}).
     */
    public void shutdown(Duration grace) {
        Draining.begin();
        if (!shutDown.compareAndSet(false, true)) {
            return;
        }
        ticker.shutdownNow();
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (Entry e : byConnection.values()) {
            CompletableFuture<Void> closed = new CompletableFuture<>();
            closing.add(closed);
            try {
                e.mailbox().execute(() -> {
                    e.session().stop();
                    if (!e.connection().isOpen()) {
                        closed.complete(null);
                        return;
                    }
                    e.connection().close(new CloseReason(1001, SHUTDOWN_REASON)).subscribe()
                            .with(ok -> closed.complete(null), err -> closed.complete(null));
                });
            } catch (RejectedExecutionException rejected) {
                closed.complete(null);
            }
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                    .get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("%d candidate socket(s) not closed within %s of the shutdown", closing.stream()
                    .filter(f -> !f.isDone()).count(), grace);
        }
        executor.shutdown();
    }

    void open(WebSocketConnection connection) {
        if (Draining.active()) { // upgraded just before the server began to stop
            connection.close(new CloseReason(1001, SHUTDOWN_REASON)).subscribe().with(ok -> { }, err -> { });
            return;
        }
        UUID id = UUID.fromString(connection.pathParam("id"));
        Entry[] self = new Entry[1];
        Mailbox mailbox = new Mailbox(executor, failure -> close(self[0], 1011, "internal error"));
        ClientSink sink = new ConnectionSink(connection);
        VoiceSession session = new VoiceSession(new InterviewConversation(id, interviewer, interviews, roles, streamsReplies),
                recognizer, synthesizer, config, stt.partialIntervalMs(), sink,
                event -> live.signal(id, event), this::record, mailbox, System::currentTimeMillis);
        Entry entry = new Entry(id, connection, sink, session, mailbox, new AtomicBoolean(), new AtomicLong(),
                new AtomicLong());
        self[0] = entry;
        byConnection.put(connection.id(), entry);
        Entry previous;
        boolean lost;
        synchronized (this) {
            previous = byInterview.put(id, entry);
            lost = lostAnswers.remove(id);
        }
        mailbox.execute(() -> {
            claim(entry);
            session.open();
            if (lost) {
                session.answerLost();
            }
        });
        if (previous != null) {
            byConnection.remove(previous.connection().id());
            previous.mailbox().execute(() -> {
                stopped(previous);
                close(previous, 4409, TAKEN_OVER);
            });
        }
    }

    /**
     * Claims the interview for this connection across replicas, unless a newer connection here took over already
     * (claiming then would outrank it). A claim fails only when the database is away, and then the session cannot
     * do anything either; it is left unclaimed rather than closed, so only a newer connection on this replica takes
     * over from it.
     */
    private void claim(Entry e) {
        if (!cluster.enabled()) {
            return;
        }
        long generation;
        try {
            synchronized (claimLocks[Math.floorMod(e.interviewId().hashCode(), claimLocks.length)]) {
                if (byInterview.get(e.interviewId()) != e) {
                    return;
                }
                generation = claims.claim(e.interviewId());
            }
        } catch (RuntimeException failed) {
            LOG.warnf("Could not claim interview %s for a new connection: %s", e.interviewId(), failed.getMessage());
            return;
        }
        e.generation().set(generation);
        if (generation < e.newestElsewhere().get()) {
            takenOverElsewhere(e);
        }
    }

    /** Another replica announced something about a candidate session: a newer connection, or the interview's end. */
    void onRemote(@Observes ClusterMessage message) {
        if (!SessionSignal.TOPIC.equals(message.topic())) {
            return;
        }
        SessionSignal signal;
        try {
            signal = json.treeToValue(message.body(), SessionSignal.class);
        } catch (JsonProcessingException e) {
            LOG.warnf("Ignoring a session signal this version does not read: %s", message.body());
            return;
        }
        Entry e = byInterview.get(signal.interviewId());
        if (e == null) {
            return;
        }
        switch (signal) {
            case SessionSignal.TakenOver t -> {
                e.newestElsewhere().accumulateAndGet(t.generation(), Math::max);
                long mine = e.generation().get();
                if (mine != 0 && mine < t.generation()) {
                    takenOverElsewhere(e);
                }
            }
            case SessionSignal.Ended ended -> end(e, ended.reason());
        }
    }

    /**
     * The listening connection (re)opened: announcements may have been missed, so each session is checked
     * against the database: its interview may have ended, or a newer connection may have claimed it.
     */
    void onResync(@Observes ClusterResync resync) {
        if (byInterview.isEmpty()) {
            return;
        }
        Map<UUID, SessionClaims.Standing> standing;
        try {
            standing = claims.standing(List.copyOf(byInterview.keySet()));
        } catch (RuntimeException e) {
            LOG.warnf("Could not check the candidate sessions after the cluster reconnected: %s", e.getMessage());
            return;
        }
        standing.forEach((id, s) -> {
            Entry e = byInterview.get(id);
            if (e == null) {
                return;
            }
            if (s.status() == InterviewStatus.CANCELLED) {
                end(e, "the interview was cancelled");
            } else if (s.status() == InterviewStatus.ABANDONED) {
                end(e, "the interview was abandoned: " + s.endReason());
            } else if (e.generation().get() != 0 && e.generation().get() < s.generation()) {
                takenOverElsewhere(e);
            }
        });
    }

    /** A newer connection on another replica owns the interview now: this one closes, as a local takeover would. */
    private void takenOverElsewhere(Entry e) {
        synchronized (this) {
            if (!byInterview.remove(e.interviewId(), e)) {
                return;
            }
        }
        byConnection.remove(e.connection().id());
        e.mailbox().execute(() -> {
            e.session().stop();
            close(e, 4409, TAKEN_OVER);
        });
    }

    /**
     * Stops a session that lost its connection. An answer it was hearing is lost with the audio: the interview's
     * next connection, whether it already exists or comes later, tells the candidate to give it again.
     */
    private void stopped(Entry old) {
        if (!old.session().stop()) {
            return;
        }
        Entry successor;
        synchronized (this) {
            successor = byInterview.get(old.interviewId());
            if (successor == null || successor == old) {
                lostAnswers.add(old.interviewId());
                return;
            }
        }
        successor.mailbox().execute(successor.session()::answerLost);
    }

    void text(WebSocketConnection connection, String raw) {
        Entry e = byConnection.get(connection.id());
        if (e == null) {
            return;
        }
        if (raw.length() > config.maxMessageBytes()) { // characters: a lower bound of the UTF-8 bytes
            close(e, 1009, "a message of " + raw.length() + " characters exceeds the limit of "
                    + config.maxMessageBytes() + " bytes");
            return;
        }
        ClientMessage message;
        try {
            JsonNode tree = json.readTree(raw);
            if (tree == null || !tree.isObject()) {
                String got = tree == null || tree.isNull() ? "null" : tree.isArray() ? "an array" : "a single value";
                e.mailbox().execute(() -> e.session().malformed("a message must be a JSON object such as "
                        + "{\"type\":\"ping\"}, not " + got));
                return;
            }
            message = json.treeToValue(tree, ClientMessage.class);
        } catch (JsonProcessingException ex) {
            if (ex.getCause() instanceof IllegalArgumentException refused && ex instanceof JsonMappingException jme) {
                // a value broke the text rules (a control character): the same refusal as on REST
                String detail = "field '" + JsonPaths.of(jme) + "': " + refused.getMessage();
                e.mailbox().execute(() -> e.session().invalid(detail));
            } else {
                e.mailbox().execute(() -> e.session().malformed("not a JSON message: " + ex.getOriginalMessage()));
            }
            return;
        }
        e.mailbox().execute(() -> e.session().message(message));
    }

    void audio(WebSocketConnection connection, byte[] frame) {
        Entry e = byConnection.get(connection.id());
        if (e == null) {
            return;
        }
        if (frame.length > config.maxFrameBytes()) {
            close(e, 1009, "an audio frame of " + frame.length + " bytes exceeds the limit of "
                    + config.maxFrameBytes() + " bytes");
            return;
        }
        if (e.mailbox().backlog() > MAX_BACKLOG) {
            LOG.debugf("Voice session of interview %s is %d tasks behind; dropping an audio frame",
                    e.interviewId(), e.mailbox().backlog());
            return;
        }
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        long receivedAt = System.currentTimeMillis();
        e.mailbox().execute(() -> e.session().audio(buffer, receivedAt));
    }

    void closed(WebSocketConnection connection) {
        Entry e = byConnection.remove(connection.id());
        if (e == null) {
            return;
        }
        synchronized (this) {
            byInterview.remove(e.interviewId(), e);
        }
        try {
            e.mailbox().execute(() -> stopped(e));
        } catch (RejectedExecutionException stopping) {
            // the server is stopping and this session was closed by shutdown(): nothing is left to do for it
        }
    }

    private void record(TurnLatency t) {
        long[] ms = {t.queueMs(), t.endOfTurnMs(), t.audioLateMs(), t.sttMs(), t.interviewerMs(), t.ttsFirstChunkMs(),
                t.totalMs()};
        for (int i = 0; i < ms.length; i++) {
            latency[i].record(Math.max(0, ms[i]), TimeUnit.MILLISECONDS);
        }
    }

    void onEnded(@Observes(during = TransactionPhase.AFTER_SUCCESS) InterviewEvent event) {
        String why = endReason(event);
        Entry e = why == null ? null : byInterview.get(event.interviewId());
        if (e != null) {
            end(e, why);
        }
    }

    /** In the transaction that cancels or abandons an interview: its session on another replica is told at commit. */
    void onEnding(@Observes InterviewEvent event) {
        String why = endReason(event);
        if (why != null) {
            cluster.sendInTransaction(SessionSignal.TOPIC, new SessionSignal.Ended(event.interviewId(), why));
        }
    }

    private static String endReason(InterviewEvent event) {
        return switch (event) {
            case InterviewEvent.Cancelled c -> "the interview was cancelled";
            case InterviewEvent.Abandoned a -> "the interview was abandoned: " + a.reason();
            default -> null;
        };
    }

    private void end(Entry e, String why) {
        e.mailbox().execute(() -> {
            e.session().stop();
            close(e, 4410, why);
        });
    }

    private void tickAll() {
        for (Entry e : byConnection.values()) {
            if (e.tickQueued().compareAndSet(false, true)) {
                e.mailbox().execute(() -> {
                    e.tickQueued().set(false);
                    e.session().tick();
                });
            }
        }
    }

    /** Through the session's sink, so the frames sent before the close reach the client before it. */
    private void close(Entry e, int code, String reason) {
        e.sink().close(code, reason);
    }

    /**
     * Sends to the candidate's connection without blocking; Vert.x keeps text and binary frames in call order. A close
     * waits for the frames sent before it: a refusal's error message must reach the client before the close frame,
     * which otherwise can overtake it and leave the client with a bare close code.
     */
    private final class ConnectionSink implements ClientSink {

        private final WebSocketConnection connection;
        /** The last frame handed to Vert.x; guarded by this. */
        private CompletableFuture<Void> sent = CompletableFuture.completedFuture(null);

        ConnectionSink(WebSocketConnection connection) {
            this.connection = connection;
        }

        @Override
        public void send(ServerMessage message) {
            String text;
            try {
                text = json.writeValueAsString(message);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("server messages are plain records and always serialise", e);
            }
            if (connection.isOpen()) {
                track(connection.sendText(text).subscribeAsCompletionStage());
            }
        }

        @Override
        public void sendAudio(byte[] pcm) {
            if (connection.isOpen()) {
                track(connection.sendBinary(pcm).subscribeAsCompletionStage());
            }
        }

        @Override
        public void close(int code, String reason) {
            CompletableFuture<Void> before;
            synchronized (this) {
                before = sent;
            }
            before.whenComplete((ok, error) -> {
                if (connection.isOpen()) {
                    connection.close(new CloseReason(code, reason)).subscribe().with(done -> { }, this::failed);
                }
            });
        }

        private synchronized void track(CompletableFuture<Void> frame) {
            sent = frame.exceptionally(error -> {
                failed(error);
                return null;
            });
        }

        private void failed(Throwable error) {
            LOG.debugf("Sending to voice connection %s failed: %s", connection.id(), error.getMessage());
        }
    }
}
