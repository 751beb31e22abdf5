package dev.viva.assessment.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.viva.assessment.Embedders;
import dev.viva.assessment.QuestionSpec;
import dev.viva.role.RoleTemplate;
import dev.viva.testing.Roles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether the assessment tells an answer that names a bank misconception to reject it from one that holds it, on a set
 * written for that by six helpers who saw neither the scorer nor its rules (src/test/resources/refutations/
 * refutations.jsonl, 324 answers): for each of 162 misconceptions of 120 bank questions, one answer that refutes it in
 * a form of the author's choosing ("people assume ..., but", "..., right? No.", "it's a myth that ...", the rejection
 * in the next sentence, unpunctuated speech) and one that holds it among correct points and unrelated negations. Split
 * by question: rules were tuned on the "tune" half only. Prints, per half, the refutations reported as the myth and
 * the holders whose myth is reported, with the ids of each miss ({@code -Dall}). Run with
 * {@code ./mvnw -B test -Pbench -Dtest=RefutationBenchmark}.
 */
class RefutationBenchmark {

    @Test
    void refutationsAndHolders() throws IOException {
        AnswerScorer scorer = Embedders.scorer();
        Map<String, RoleTemplate> roles = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        Map<String, int[]> counts = new HashMap<>();
        Map<String, List<String>> misses = new HashMap<>();
        try (InputStream in = RefutationBenchmark.class.getResourceAsStream("/refutations/refutations.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode n = json.readTree(line);
                RoleTemplate role = roles.computeIfAbsent(n.get("role").asText(), Roles::shipped);
                QuestionSpec spec = QuestionSpec.of(role, role.question(n.get("questionId").asText()).orElseThrow());
                var assessment = scorer.analyse(spec, n.get("answer").asText()).scored().assessment();
                boolean reported = assessment.misconceptions().contains(n.get("myth").asText());
                String key = n.get("split").asText() + " " + n.get("kind").asText();
                int[] c = counts.computeIfAbsent(key, k -> new int[2]);
                c[1]++;
                if (reported) {
                    c[0]++;
                }
                boolean wrong = n.get("kind").asText().equals("refutation") == reported;
                if (wrong) {
                    misses.computeIfAbsent(key, k -> new ArrayList<>()).add(n.get("id").asText() + "=" + assessment.score());
                }
            }
        }
        System.out.printf(Locale.ROOT, "Refutation benchmark - %s, %d cores, Java %s%n", java.time.LocalDate.now(),
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        for (String split : List.of("tune", "heldout")) {
            int[] refuted = counts.getOrDefault(split + " refutation", new int[2]);
            int[] held = counts.getOrDefault(split + " holder", new int[2]);
            System.out.printf(Locale.ROOT, "  %-8s refutations reported as the myth %3d of %3d; holders whose myth is reported"
                    + " %3d of %3d%n", split, refuted[0], refuted[1], held[0], held[1]);
            if (System.getProperty("all") != null) {
                System.out.println("    refutations reported: " + misses.getOrDefault(split + " refutation", List.of()));
                System.out.println("    holders missed: " + misses.getOrDefault(split + " holder", List.of()));
            }
        }
    }
}
