package dev.viva.interviewer.generation;

import java.util.List;

/**
 * A move in words.
 *
 * @param text           everything the interviewer says
 * @param question       the question within {@code text} (for generated follow-ups, the generated question)
 * @param keyPoints      for a generated question, what a strong answer covers
 * @param generator      "offline" or "llm"
 * @param fallbackReason why the LLM's words were not used, or null
 */
public record Reply(String text, String question, List<String> keyPoints, String generator, String fallbackReason) {

    public static final String OFFLINE = "offline";
    public static final String LLM = "llm";

    public Reply {
        keyPoints = keyPoints == null ? List.of() : List.copyOf(keyPoints);
    }

    Reply withFallback(String reason) {
        return new Reply(text, question, keyPoints, generator, reason);
    }
}
