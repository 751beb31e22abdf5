package dev.viva.assessment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The labelled development set of interview answers (src/test/resources/devset/answers.jsonl; labelling guide in
 * docs/assessment-labelling.md), as the benchmarks read it.
 *
 * @param questionId the bank question's id, null for a question outside the bank
 * @param label      0-3, the median of the independent labels
 * @param twinOf     for an injection's clean twin, the injection's id
 * @param split      "tune" (weights were fitted on it), "heldout", or "stress" (the held-out half of a batch written to
 *                   be hard, mostly confident wrong answers and in-domain off-topic ones, reported on its own so it does
 *                   not change what the held-out figures mean)
 */
public record DevSet(String id, String role, String questionId, String question, String kind, String category,
                     String answer, int label, String twinOf, String split) {

    public static List<DevSet> load() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<DevSet> rows = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(DevSet.class.getClassLoader()
                .getResourceAsStream("devset/answers.jsonl"))) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                rows.add(new DevSet(n.get("id").asText(), n.get("role").asText(), text(n, "questionId"),
                        n.get("question").asText(), n.get("kind").asText(), n.get("category").asText(),
                        n.get("answer").asText(), n.get("label").asInt(), text(n, "twinOf"), n.get("split").asText()));
            }
        }
        return rows;
    }

    private static String text(JsonNode n, String field) {
        return n.get(field) == null || n.get(field).isNull() ? null : n.get(field).asText();
    }
}
