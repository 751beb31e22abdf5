package dev.viva.assessment.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * An OpenAI-compatible chat server on loopback for tests: it records every request, answers with what
 * {@link #reply} gives for the request (by default nothing usable), and can be made slow or drop the connection.
 * Registered as a JUnit extension ({@code @RegisterExtension static final FakeOpenAi llm = FakeOpenAi.start(...)}) it
 * forgets its requests and delay before each test and stops after the class.
 */
final class FakeOpenAi implements AutoCloseable, BeforeEachCallback, AfterAllCallback {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A request as the model received it: its system prompt and the user message (the data). */
    record Request(String system, String user) {
    }

    /** Close the connection without an answer. */
    static final String DROP = "\u0000drop";

    final List<Request> requests = new CopyOnWriteArrayList<>();
    volatile Function<Request, String> reply = r -> "{}";
    volatile int delayMs;
    private final HttpServer server;

    FakeOpenAi() throws IOException {
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
            Request request = new Request(system, user);
            requests.add(request);
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            String content = reply.apply(request);
            if (DROP.equals(content)) {
                // the JDK server closes the connection when a handler fails before sending headers
                throw new IOException("connection dropped on purpose");
            }
            byte[] bytes = JSON.writeValueAsString(Map.of("id", "x", "object", "chat.completion", "created", 1,
                    "model", "test", "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                            "message", Map.of("role", "assistant", "content", content))),
                    "usage", Map.of("prompt_tokens", 1, "completion_tokens", 1, "total_tokens", 2)))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    /** A server answering with {@code reply}, for a static field (the constructor's exception made unchecked). */
    static FakeOpenAi start(Function<Request, String> reply) {
        try {
            FakeOpenAi server = new FakeOpenAi();
            server.reply = reply;
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    ChatModel model(Duration timeout) {
        return OpenAiChatModel.builder().baseUrl(baseUrl()).apiKey("test").modelName("test").maxRetries(0)
                .timeout(timeout).build();
    }

    /** Requests whose system prompt is the given one (rubric, grade or review). */
    List<Request> requests(String system) {
        return requests.stream().filter(r -> r.system().equals(system)).toList();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        requests.clear();
        delayMs = 0;
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
