package dev.viva.assessment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Labelled weak / average / strong / exceptional candidates in the layout of seed 003 ("Candidate:", "Q1:", "A1:",
 * "Relevance Score:"). Tests read the repository's own {@link #FIXTURE} (written for Viva, same eight names, roles and
 * bands as seed 003); the calibration benchmark reads seed 003 itself from {@code ../shared} ({@link #SEED}), which
 * the repository does not carry.
 */
public final class SeedTranscripts {

    public enum Band { WEAK, AVERAGE, STRONG, EXCEPTIONAL }

    public record QA(String question, String answer) {
    }

    public record Candidate(Band band, String name, String role, List<QA> answers) {
    }

    /** The project's own labelled transcripts: what the test suite uses. */
    public static final Path FIXTURE = Path.of("src/test/resources/transcripts/labelled-candidates.txt");

    /** Seed 003 as the earlier product scored it: benchmarks only (needs ../shared). */
    public static final Path SEED = Path.of("../shared/seeds/003_b923122f51a1b886.txt");

    private SeedTranscripts() {
    }

    /** The repository's {@link #FIXTURE}. */
    public static List<Candidate> load() throws IOException {
        return load(FIXTURE);
    }

    public static List<Candidate> load(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<Candidate> out = new ArrayList<>();
        Band band = null;
        Band candidateBand = null;
        String name = null;
        String role = null;
        List<QA> qas = null;
        StringBuilder q = null;
        StringBuilder a = null;
        for (String line : lines) {
            String t = line.strip();
            if (t.endsWith("CANDIDATES")) {
                band = Band.valueOf(t.split(" ")[0]);
            } else if (t.startsWith("Candidate:")) {
                if (qas != null) {
                    out.add(new Candidate(candidateBand, name, role, qas));
                }
                candidateBand = band;
                String[] parts = t.substring("Candidate:".length()).split(" - ", 2);
                name = parts[0].strip();
                role = parts.length > 1 ? parts[1].strip() : "";
                qas = new ArrayList<>();
            } else if (t.matches("Q\\d+:.*")) {
                q = new StringBuilder(t.substring(t.indexOf(':') + 1).strip());
                a = null;
            } else if (t.matches("A\\d+:.*")) {
                a = new StringBuilder(t.substring(t.indexOf(':') + 1).strip());
            } else if (t.startsWith("Relevance Score:")) {
                if (q != null && a != null && qas != null) {
                    qas.add(new QA(q.toString().strip(), unquote(a.toString().strip())));
                }
                q = null;
                a = null;
            } else if (a != null) {
                a.append('\n').append(line);
            } else if (q != null && !t.startsWith("~")) {
                q.append('\n').append(line);
            }
        }
        if (qas != null) {
            out.add(new Candidate(candidateBand, name, role, qas));
        }
        return out;
    }

    private static String unquote(String s) {
        String t = s.strip();
        if (t.startsWith("\"") && t.endsWith("\"") && t.length() > 1) {
            t = t.substring(1, t.length() - 1);
        }
        return t.replace("**", "").replace("*", "").strip();
    }
}
