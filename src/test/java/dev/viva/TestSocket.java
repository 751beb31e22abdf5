package dev.viva;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real WebSocket client (the JDK's) for tests: queues the JSON messages it receives, counts the binary bytes
 * (interviewer audio), and remembers the close code.
 */
public final class TestSocket implements WebSocket.Listener {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A text message and when it arrived ({@link System#nanoTime()}). */
    private record Received(String text, long at) {
    }

    private final BlockingQueue<Received> messages = new LinkedBlockingQueue<>();
    private final Map<JsonNode, Long> arrivals = Collections.synchronizedMap(new IdentityHashMap<>());
    private final BlockingQueue<Long> binaryArrivals = new LinkedBlockingQueue<>();
    private final StringBuilder partial = new StringBuilder();
    /** Completes with the close code the server sent. */
    public final CompletableFuture<Integer> closed = new CompletableFuture<>();
    /** The reason of the server's close frame (set before {@link #closed} completes). */
    public volatile String closeReason;
    /** Binary bytes received so far. */
    public final AtomicLong binaryBytes = new AtomicLong();
    private WebSocket socket;

    private TestSocket() {
    }

    /** Opens {@code pathAndQuery} on the server at {@code base} (an http URL), with an Authorization header if given. */
    public static TestSocket connect(Object base, String pathAndQuery, String authorization) {
        return connect(base, pathAndQuery, authorization, null);
    }

    /** {@link #connect(Object, String, String)} as a browser page from {@code origin} would. */
    public static TestSocket connect(Object base, String pathAndQuery, String authorization, String origin) {
        TestSocket client = new TestSocket();
        var builder = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        if (origin != null) {
            builder.header("Origin", origin);
        }
        URI uri = URI.create(base.toString().replaceFirst("^http", "ws").replaceAll("/$", "") + pathAndQuery);
        client.socket = builder.buildAsync(uri, client).join();
        return client;
    }

    /** The HTTP status with which the server refused the upgrade; fails if it accepted it. */
    public static int refusal(Object base, String pathAndQuery, String authorization) {
        return refusal(base, pathAndQuery, authorization, null);
    }

    /** {@link #refusal(Object, String, String)} for a page from {@code origin}. */
    public static int refusal(Object base, String pathAndQuery, String authorization, String origin) {
        try {
            connect(base, pathAndQuery, authorization, origin);
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) {
                return h.getResponse().statusCode();
            }
            throw e;
        }
        throw new AssertionError("the upgrade was accepted");
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            messages.add(new Received(partial.toString(), System.nanoTime()));
            partial.setLength(0);
        }
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
        binaryArrivals.add(System.nanoTime());
        binaryBytes.addAndGet(data.remaining());
        ws.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
        closeReason = reason;
        closed.complete(statusCode);
        return null;
    }

    /** Closes the connection normally. */
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
    }

    /** Drops the connection without a close handshake, as a network failure would. */
    public void abort() {
        socket.abort();
    }

    public void send(String message) {
        socket.sendText(message, true).join();
    }

    public void sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).join();
    }

    /** Sends a message and returns the next one received. */
    public JsonNode exchange(String message) throws Exception {
        send(message);
        return next();
    }

    /**
     * How long a test waits for a message it expects. Generous: the first message of a freshly started application
     * waits on cold work (models loading, JIT) that a busy 2-core machine can stretch well past 20 s, and a test
     * must not fail because the machine is slow; a message that never comes still fails, just later.
     */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    /** The next message of {@code type}, skipping others, waiting up to {@link #PATIENCE} for each. */
    public JsonNode next(String type) throws Exception {
        return next(type, PATIENCE);
    }

    /** The next message of {@code type}, skipping others, waiting up to {@code patience} for each. */
    public JsonNode next(String type, Duration patience) throws Exception {
        JsonNode m = next(patience);
        while (!type.equals(m.path("type").asText())) {
            m = next(patience);
        }
        return m;
    }

    /** The next message already received, or null if there is none (no waiting). */
    public JsonNode poll() throws Exception {
        Received m = messages.poll();
        return m == null ? null : JSON.readTree(m.text());
    }

    /** The next message, waiting up to {@link #PATIENCE}. */
    public JsonNode next() throws Exception {
        return next(PATIENCE);
    }

    private JsonNode next(Duration patience) throws Exception {
        Received m = messages.poll(patience.toMillis(), TimeUnit.MILLISECONDS);
        // a message that never comes is diagnosed by what became of the socket meanwhile
        assertThat(m).as("a message within %s (%s)", patience, closed.isDone()
                ? "the server closed the socket with " + closed.getNow(null) + ": " + closeReason
                : "the socket is still open").isNotNull();
        JsonNode message = JSON.readTree(m.text());
        arrivals.put(message, m.at());
        return message;
    }

    /** Every message up to and including the first that matches, waiting up to 20 s for each. */
    public List<JsonNode> until(Predicate<JsonNode> last) throws Exception {
        List<JsonNode> seen = new ArrayList<>();
        JsonNode m;
        do {
            m = next();
            seen.add(m);
        } while (!last.test(m));
        return seen;
    }

    /** When a message returned by {@code next} arrived ({@link System#nanoTime()}). */
    public long arrivedAt(JsonNode message) {
        return arrivals.get(message);
    }

    /** When the first binary frame received after {@code nanos} arrived, waiting up to {@code patience}. */
    public long firstBinaryAfter(long nanos, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Long at = binaryArrivals.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(at).as("binary data within %s", patience).isNotNull();
            if (at >= nanos) {
                return at;
            }
        }
    }
}
