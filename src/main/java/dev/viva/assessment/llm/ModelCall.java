package dev.viva.assessment.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One request to the model under a deadline. The call runs on its own virtual thread, so a server that accepts the
 * connection and never answers cannot hold the report past the deadline whatever the HTTP client does. Also used to
 * draft role templates from a job description.
 */
public final class ModelCall {

    static final ObjectMapper JSON = new ObjectMapper();

    /** Longest model output read at all: a rubric or a grade is a few hundred words. */
    static final int MAX_OUTPUT = 16_000;

    private static final ExecutorService EXECUTOR = Executors.newVirtualThreadPerTaskExecutor();

    /**
     * The model's text, or why there is none ({@code failure}: a timeout, a transport or server error). Either way the
     * caller keeps its offline result; a failure means the model is unavailable, not that it answered badly.
     */
    public record Reply(String text, String failure) {
    }

    /** Output the model produced but that cannot be used; the message says why, for the report and the log. */
    public static final class InvalidOutput extends Exception {
        InvalidOutput(String message) {
            super(message);
        }
    }

    private ModelCall() {
    }

    public static Reply ask(ChatModel model, Duration timeout, String system, String user) {
        ChatRequest request = ChatRequest.builder()
                .messages(SystemMessage.from(system), UserMessage.from(user))
                .build();
        Future<String> call = CompletableFuture.supplyAsync(() -> model.chat(request).aiMessage().text(), EXECUTOR);
        try {
            return new Reply(call.get(timeout.toMillis(), TimeUnit.MILLISECONDS), null);
        } catch (TimeoutException e) {
            call.cancel(true);
            return new Reply(null, "timeout after " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Reply(null, "error: " + cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(null, "interrupted");
        }
    }

    /** The one JSON object of a reply; models sometimes wrap it in prose or a code fence, which is tolerated. */
    static JsonNode object(String raw) throws InvalidOutput {
        return object(raw, MAX_OUTPUT);
    }

    /** The same for an output that may be longer (a whole role template). */
    public static JsonNode object(String raw, int maxChars) throws InvalidOutput {
        if (raw == null || raw.isBlank()) {
            throw new InvalidOutput("invalid output: empty");
        }
        if (raw.length() > maxChars) {
            throw new InvalidOutput("invalid output: longer than " + maxChars + " characters");
        }
        int start = raw.indexOf('{');
        int end = raw.lastIndexOf('}');
        if (start < 0 || end <= start) {
            throw new InvalidOutput("invalid output: not a JSON object");
        }
        try {
            JsonNode root = JSON.readTree(raw.substring(start, end + 1));
            if (!root.isObject()) {
                throw new InvalidOutput("invalid output: not a JSON object");
            }
            return root;
        } catch (InvalidOutput e) {
            throw e;
        } catch (Exception e) {
            throw new InvalidOutput("invalid output: " + firstLine(e.getMessage()));
        }
    }

    public static String firstLine(String s) {
        if (s == null) {
            return "no message";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
