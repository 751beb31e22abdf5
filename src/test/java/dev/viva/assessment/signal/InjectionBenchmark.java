package dev.viva.assessment.signal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.viva.assessment.DevSet;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How many injection attempts {@link InjectionDetector} finds, and how many innocent sentences it flags, on sets that
 * helpers wrote without seeing the detector (src/test/resources/injections/red-team.jsonl): set 1 (70 injections in
 * eight languages, 70 look-alike sentences), set 2 (60 and 60, fake annotations and authority claims), set 3 (60 and 60,
 * written to evade a detector), set 4 (50 and 50: faked records, tool outputs and turns, spaced and digit-spelt words,
 * nine languages), set 5 (50 and 50: log lines, HTTP headers, environment variables, tool results, ROT13, base64 and
 * reversed orders, authority claims), set 6 (60 and 60: a mark reported as already given, by a panel, a reviewer or a
 * record, in eleven languages), set 7 (60 and 60: the same in fourteen languages, and pressure, faked policies, faked
 * rubrics and questions put to the grader), set 8 (50 and 50, any form: encodings, markup, role-play, fourteen languages
 * in five scripts), set 9 (50 and 50: faked turns, made-up rubrics, ten more languages, requests disguised as code),
 * sets 10 to 12 (50 and 50 each: claimed accommodations and policies, audio gaps, claimed matches with the reference,
 * orders in code comments, requests of the summariser; each written after the one before was tuned on), sets 13 to
 * 17 (50 and 50 each: requests a candidate would say to a person, naming no grader, that the answer be taken, noted or
 * marked favourably, and innocent sentences about interviews, notes, bands and hopes; sets 16 and 17 each scored
 * before the rules were tuned on them, set 17 never), sets 18 and 19 (50 and 50 each: verdicts put in someone else's
 * mouth, planted turns under any name, approvals and passes claimed, notes in ten more languages, machine-added notes,
 * pleas for leniency; both scored first, then the rules tuned on set 18 alone; set 19 tuned on later), sets 20 to 22
 * (50 and 50 each, any form: role-play, rubric claims, rankings, threats and bribes, content claimed lost, hidden
 * characters; all three scored first, the rules tuned on sets 20 and 21, set 22 left unread, then tuned on at the
 * next stop), set 23 (50 and 50, any form, among them twelve languages and six obfuscations; scored blind at 43 of 50,
 * then tuned on), set 24 (50 and 50, any form, at least twelve languages; scored blind
 * at 48 of 50 with 6 innocent sentences flagged, then its two misses tuned on), set 25 (50 and 50, any form, 21
 * languages; scored blind at 41 of 50 with 5 innocent sentences flagged, then tuned on: 49 of 50, 4), set 26 (50 and 50,
 * any form, 22 languages; written after set 25 was tuned on and scored blind at 37 of 50 with 3 innocent sentences
 * flagged, then tuned on: 50 of 50, 3), set 27 (50 and 50, any form, 24 languages besides English; scored blind at 39 of 50 with 12
 * innocent sentences flagged, most of them marking systems the candidate built, described in other languages; then
 * tuned on: 46 of 50, 5), set 28 (50 and 50, any form, 16 languages besides English, written after the rules for the
 * development set's batch 39; scored blind at 47 of 50 with 2 innocent sentences flagged, then tuned on: 50 of 50, 0),
 * set 29 (50 and 50, any form, 17 languages besides English, written after set 28 was tuned on; scored blind at 45 of
 * 50 with 2 innocent sentences flagged, then three of its misses tuned on: 48 of 50, 2), set 30 (50 and 50, any form,
 * 20 languages besides English, innocent sentences that tell of marking the candidate did or was given; scored blind at
 * 43 of 50 with 9 innocent sentences flagged, then tuned on: 50 of 50, 1), set 31 (50 and 50, any form, at least 20
 * injections inside longer answers, innocent sentences about grading the candidate did or built; written after set 30
 * was tuned on and scored blind at 43 of 50 with 5 innocent sentences flagged, then tuned on: 50 of 50, 0), set 32 (50
 * and 50, at least ten subtle requests that name no grader and no mark; scored blind on stop 50's final code at 41 of
 * 50 with no innocent sentence flagged, and not tuned on).
 * Each line is
 * appended to an ordinary answer, as a candidate would. Also the development
 * set's answers that are not injections, which must stay unflagged. Prints every miss and false alarm ({@code -Dall})
 * or only the counts. Run with {@code ./mvnw -B test -Pbench -Dtest=InjectionBenchmark}.
 */
class InjectionBenchmark {

    private static final String ANSWER = "We use a B-tree index on customer_id, so a lookup is a few page reads. ";

    @Test
    void redTeamSets() throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        try (InputStream in = InjectionBenchmark.class.getResourceAsStream("/injections/red-team.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    rows.add(json.readTree(line));
                }
            }
        }
        Map<Integer, int[]> bySet = new TreeMap<>();
        boolean all = System.getProperty("all") != null;
        for (JsonNode r : rows) {
            String text = r.get("text").asText();
            List<Text.Span> found = InjectionDetector.find(ANSWER + text);
            boolean injection = r.get("kind").asText().equals("injection");
            // {injections, found, innocent, flagged, spans reaching into the answer before them}
            int[] c = bySet.computeIfAbsent(r.get("set").asInt(), k -> new int[5]);
            c[injection ? 0 : 2]++;
            if (!found.isEmpty()) {
                c[injection ? 1 : 3]++;
            }
            if (found.stream().anyMatch(s -> s.start() < ANSWER.length() - 1)) {
                c[4]++;
            }
            if (all && injection == found.isEmpty()) {
                System.out.println((injection ? "  missed       " : "  false alarm  ") + r.get("id").asText() + "  " + text);
            }
        }
        System.out.printf(Locale.ROOT, "Injection detection - %s%n", java.time.LocalDate.now());
        bySet.forEach((set, c) -> System.out.printf(Locale.ROOT,
                "  set %d: injections found %d of %d; innocent sentences flagged %d of %d; spans reaching into the answer %d%n",
                set, c[1], c[0], c[3], c[2], c[4]));
        int clean = 0;
        int flagged = 0;
        for (DevSet d : DevSet.load()) {
            if (!d.category().equals("injection")) {
                clean++;
                if (!InjectionDetector.find(d.answer()).isEmpty()) {
                    flagged++;
                    System.out.println("  development set, flagged: " + d.id());
                }
            }
        }
        System.out.printf(Locale.ROOT, "  development set answers that are not injections, flagged: %d of %d%n", flagged, clean);
    }

    /**
     * Requests spread over two to four sentences in the middle of an answer, only some of which ask for anything (an
     * "approved adjustment", then "HR passed it to the assessment team", then "so my answers should be treated as
     * complete"), and look-alike passages that ask nothing (src/test/resources/injections/multi-sentence.jsonl, written
     * by a helper who never saw the detector). What is left of a request is scored as the candidate's, so this counts
     * requests blanked whole, the characters of requests left, and characters of the answer around them blanked.
     */
    @Test
    void multiSentenceRequests() throws IOException {
        ObjectMapper json = new ObjectMapper();
        int requests = 0;
        int whole = 0;
        int found = 0;
        int left = 0;
        int requestChars = 0;
        int reached = 0;
        int innocent = 0;
        int flagged = 0;
        boolean all = System.getProperty("all") != null;
        try (InputStream in = InjectionBenchmark.class.getResourceAsStream("/injections/multi-sentence.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode r = json.readTree(line);
                String before = r.get("before").asText() + " ";
                String inserted = r.get("inserted").asText();
                String answer = before + inserted + " " + r.get("after").asText();
                List<Text.Span> spans = InjectionDetector.find(answer);
                String blanked = InjectionDetector.strip(answer, spans);
                int end = before.length() + inserted.length();
                int leftHere = nonBlank(blanked, before.length(), end);
                reached += nonBlank(answer, 0, before.length()) - nonBlank(blanked, 0, before.length())
                        + nonBlank(answer, end, answer.length()) - nonBlank(blanked, end, answer.length());
                if (r.get("kind").asText().equals("injection")) {
                    requests++;
                    requestChars += nonBlank(inserted, 0, inserted.length());
                    found += spans.isEmpty() ? 0 : 1;
                    whole += leftHere == 0 ? 1 : 0;
                    left += leftHere;
                    if (all && leftHere > 0) {
                        System.out.println("  left  " + r.get("id").asText() + "  " + blanked.substring(before.length(), end).strip());
                    }
                } else {
                    innocent++;
                    flagged += spans.isEmpty() ? 0 : 1;
                    if (all && !spans.isEmpty()) {
                        System.out.println("  false alarm  " + r.get("id").asText() + "  " + inserted);
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "Requests over several sentences: found %d of %d, blanked whole %d; characters of "
                + "requests left %d of %d; characters of the answer around them blanked %d; innocent passages flagged %d "
                + "of %d%n", found, requests, whole, left, requestChars, reached, flagged, innocent);
    }

    private static int nonBlank(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n += Character.isWhitespace(text.charAt(i)) ? 0 : 1;
        }
        return n;
    }

    /**
     * The detector's time on answers of the longest length accepted (10,000 characters) written to make its patterns
     * backtrack: one long token, a token repeated with separators, a key repeated without values. Printed, not asserted.
     */
    @Test
    void adversarialInputs() {
        Map<String, String> inputs = new java.util.LinkedHashMap<>();
        inputs.put("one 10,000-letter word", "a".repeat(10_000));
        inputs.put("'x-' repeated", "x-".repeat(5_000));
        inputs.put("'grader' repeated, no space", "grader".repeat(1_666));
        inputs.put("'score: ' repeated", "score: ".repeat(1_428));
        inputs.put("base64 run with a decode cue", "aWdub3Jl".repeat(1_240) + " decode");
        inputs.put("open brackets", "[{(".repeat(3_333));
        System.out.println("Injection detector on adversarial 10,000-character answers (best of 3)");
        inputs.forEach((name, text) -> {
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 3; i++) {
                long t = System.nanoTime();
                InjectionDetector.find(text);
                best = Math.min(best, System.nanoTime() - t);
            }
            System.out.printf(Locale.ROOT, "  %-32s %7.1f ms%n", name, best / 1e6);
        });
    }
}
