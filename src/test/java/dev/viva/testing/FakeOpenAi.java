package dev.viva.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OpenAI-compatible chat server on loopback for tests: it records every request, answers with what
 * {@link #reply} gives for the request (by default nothing usable), and can be made slow or drop the connection.
 * A request with {@code "stream": true} is answered the way OpenAI streams, as Server-Sent Events
 * ({@code data: {chunk}} per token, then {@code data: [DONE]}), paced by {@link #streaming}: the first token after a
 * delay, then one token per interval, and optionally a stall or a dropped connection after some tokens; a request
 * without streaming is answered when the whole completion would have been generated at that pace.
 * Registered as a JUnit extension ({@code @RegisterExtension static final FakeOpenAi llm = FakeOpenAi.start(...)}) it
 * forgets its requests, delay and pacing before each test and stops after the class.
 */
public final class FakeOpenAi implements AutoCloseable, BeforeEachCallback, AfterAllCallback {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Roughly a model's tokens: a word with the space before it, or one punctuation mark (newlines kept). */
    private static final Pattern TOKEN = Pattern.compile("\\s*[\\p{L}\\p{N}]+|\\s*[^\\s\\p{L}\\p{N}]|\\s+$");

    /** A request as the model received it: its system prompt, the user message (the data), and whether it streams. */
    public record Request(String system, String user, boolean stream) {
    }

    /**
     * How a streamed answer is paced.
     *
     * @param firstTokenMs    delay before the first token
     * @param tokenIntervalMs delay between tokens (25 ms is 40 tokens/s)
     * @param stallAfter      after this many tokens, pause {@code stallMs} (-1: never)
     * @param dropAfter       after this many tokens, drop the connection without finishing (-1: never)
     */
    public record Pacing(long firstTokenMs, long tokenIntervalMs, int stallAfter, long stallMs, int dropAfter) {

        public static final Pacing FAST = new Pacing(0, 0, -1, 0, -1);

        /** First token after {@code firstTokenMs}, then {@code tokensPerSecond}. */
        public static Pacing of(long firstTokenMs, int tokensPerSecond) {
            return new Pacing(firstTokenMs, 1000L / tokensPerSecond, -1, 0, -1);
        }

        public Pacing stallingAfter(int tokens, long ms) {
            return new Pacing(firstTokenMs, tokenIntervalMs, tokens, ms, dropAfter);
        }

        public Pacing droppingAfter(int tokens) {
            return new Pacing(firstTokenMs, tokenIntervalMs, stallAfter, stallMs, tokens);
        }
    }

    /** Close the connection without an answer. */
    public static final String DROP = "\u0000drop";

    public final List<Request> requests = new CopyOnWriteArrayList<>();
    public volatile Function<Request, String> reply = r -> "{}";
    public volatile int delayMs;
    public volatile Pacing streaming = Pacing.FAST;
    /** Streams sent to their end ({@code [DONE]}). */
    public final AtomicInteger streamsFinished = new AtomicInteger();
    /** When the last stream was sent to its end ({@link System#nanoTime()}), 0 before. */
    public volatile long lastStreamFinishedAt;
    private final HttpServer server;

    public FakeOpenAi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            String system = "";
            String user = "";
            for (JsonNode m : body.path("messages")) {
                if (m.path("role").asText().equals("system")) {
                    system = m.path("content").asText();
                } else if (m.path("role").asText().equals("user")) {
                    user = m.path("content").isTextual() ? m.path("content").asText()
                            : m.path("content").path(0).path("text").asText();
                }
            }
            Request request = new Request(system, user, body.path("stream").asBoolean(false));
            requests.add(request);
            pause(delayMs);
            String content = reply.apply(request);
            if (DROP.equals(content)) {
                // the JDK server closes the connection when a handler fails before sending headers
                throw new IOException("connection dropped on purpose");
            }
            if (request.stream()) {
                stream(exchange, content, streaming);
                lastStreamFinishedAt = System.nanoTime();
                streamsFinished.incrementAndGet();
                return;
            }
            // a whole completion is answered once all of it would have been generated at the streaming pace
            Pacing pace = streaming;
            pause(pace.firstTokenMs() + Math.max(0, tokens(content).size() - 1) * pace.tokenIntervalMs());
            byte[] bytes = JSON.writeValueAsString(Map.of("id", "x", "object", "chat.completion", "created", 1,
                    "model", "test", "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                            "message", Map.of("role", "assistant", "content", content))),
                    "usage", Map.of("prompt_tokens", 1, "completion_tokens", 1, "total_tokens", 2)))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            } catch (IOException e) {
                // the client gave up (a timeout test)
            }
        });
        server.start();
    }

    /** The tokens {@code content} is streamed as, in order; joined they are the content. */
    public static List<String> tokens(String content) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(content);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static void stream(HttpExchange exchange, String content, Pacing pacing) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        try {
            event(out, Map.of("role", "assistant", "content", ""), null);
            pause(pacing.firstTokenMs());
            List<String> tokens = tokens(content);
            for (int i = 0; i < tokens.size(); i++) {
                if (i == pacing.dropAfter()) {
                    // a failing handler makes the JDK server close the connection mid-response
                    throw new IOException("connection dropped on purpose after " + i + " tokens");
                }
                if (i == pacing.stallAfter()) {
                    pause(pacing.stallMs());
                } else if (i > 0) {
                    pause(pacing.tokenIntervalMs());
                }
                event(out, Map.of("content", tokens.get(i)), null);
            }
            event(out, Map.of(), "stop");
            out.write("data: [DONE]\n\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            out.close();
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("connection dropped on purpose")) {
                throw e;
            }
            // the client went away (it abandoned the stream): nothing to do
        }
    }

    private static void event(OutputStream out, Map<String, String> delta, String finishReason) throws IOException {
        Map<String, Object> choice = new java.util.HashMap<>(Map.of("index", 0, "delta", delta));
        choice.put("finish_reason", finishReason);
        String chunk = JSON.writeValueAsString(Map.of("id", "x", "object", "chat.completion.chunk", "created", 1,
                "model", "test", "choices", List.of(choice)));
        out.write(("data: " + chunk + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void pause(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A server answering with {@code reply}, for a static field (the constructor's exception made unchecked). */
    public static FakeOpenAi start(Function<Request, String> reply) {
        try {
            FakeOpenAi server = new FakeOpenAi();
            server.reply = reply;
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** A hand-built client of this server, as the assessment's LLM uses (it is not configured through the extension). */
    public ChatModel model(Duration timeout) {
        return OpenAiChatModel.builder().baseUrl(baseUrl()).apiKey("test").modelName("test").maxRetries(0)
                .timeout(timeout).build();
    }

    /** Requests whose system prompt is the given one (rubric, grade or review). */
    public List<Request> requests(String system) {
        return requests.stream().filter(r -> r.system().equals(system)).toList();
    }

    /** Forgets requests, delay and pacing. */
    public void reset() {
        requests.clear();
        delayMs = 0;
        streaming = Pacing.FAST;
        streamsFinished.set(0);
        lastStreamFinishedAt = 0;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
