package dev.viva.webhook;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A real HTTP webhook receiver on loopback whose answers a test scripts, recording every request it gets. */
public final class Receiver implements AutoCloseable {

    /** One request as received. */
    public record Request(int seq, Instant at, long nanoTime, Headers headers, String body) {
        public String id() {
            return headers.getFirst("webhook-id");
        }
    }

    /** What to answer; {@code delayMs} is slept before answering. */
    public record Answer(int status, Map<String, String> headers, String body, long delayMs) {
        public static Answer ok() {
            return new Answer(200, Map.of(), "ok", 0);
        }

        public static Answer status(int status) {
            return new Answer(status, Map.of(), "status " + status, 0);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> perMessage = new ConcurrentHashMap<>();
    private final AtomicInteger seq = new AtomicInteger();
    private volatile Function<Request, Answer> behaviour;

    private Receiver(Function<Request, Answer> behaviour) {
        this.behaviour = behaviour;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(24, Thread.ofPlatform().daemon().factory()));
        server.createContext("/", exchange -> {
            byte[] in = exchange.getRequestBody().readAllBytes();
            Request r = new Request(seq.incrementAndGet(), Instant.now(), System.nanoTime(),
                    exchange.getRequestHeaders(), new String(in, StandardCharsets.UTF_8));
            requests.add(r);
            if (r.id() != null) {
                perMessage.computeIfAbsent(r.id(), k -> new AtomicInteger()).incrementAndGet();
            }
            Answer a = this.behaviour.apply(r);
            try {
                if (a.delayMs() > 0) {
                    Thread.sleep(a.delayMs());
                }
                byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
                a.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
                exchange.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            } catch (InterruptedException | IOException e) {
                exchange.close();
            }
        });
        server.start();
    }

    public static Receiver start(Function<Request, Answer> behaviour) {
        return new Receiver(behaviour);
    }

    public static Receiver alwaysOk() {
        return start(r -> Answer.ok());
    }

    public void answer(Function<Request, Answer> behaviour) {
        this.behaviour = behaviour;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/viva?src=test";
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    /** How many times a message id has been received so far (attempts that reached this server). */
    public int timesReceived(String messageId) {
        AtomicInteger n = perMessage.get(messageId);
        return n == null ? 0 : n.get();
    }

    public int perMessageCount() {
        return perMessage.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
