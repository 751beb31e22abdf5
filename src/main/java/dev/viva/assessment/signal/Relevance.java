package dev.viva.assessment.signal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether an answer addresses a question, asked the way retrieval asks it: e5-small-v2 embeds the question as a
 * {@code query:} and the answer as a {@code passage:}, a pairing the model was trained on, so a long answer that
 * says much more than the question is not pushed away from it the way a symmetric similarity pushes it. The cosine
 * is turned into a probability-like 0-1 by a logistic whose two constants were fitted without hand labels: every bank
 * question against its own ideal answer (on topic) and against the ideal answers of the same role's other questions
 * (off topic but in the domain). {@code RelevanceBenchmark} refits them and reports the AUC on the bank and on the
 * Mohler questions.
 */
public final class Relevance {

    /** The cosine at which an answer is as likely on topic as not, and the logistic's scale. */
    public record Calibration(double midpoint, double scale) {
        public static final Calibration DEFAULT = new Calibration(0.8350, 0.0149);
    }

    /**
     * An answer's first hundred or so words say what it is about, and e5's cost grows with every token: longer answers
     * are read that far (600 characters: bank AUC 0.924 against 0.920 at 800, the development set's figures about the
     * same, the time per answer lower).
     */
    private static final int MAX_PASSAGE_CHARS = 600;
    /** How plainly on topic an answer's start must be for the rest of it not to be read (see {@link #cosine}). */
    private static final double ON_TOPIC = 0.95;
    /** How plainly about something else an answer's start must be for the rest of it not to be read either. */
    private static final double ELSEWHERE = 0.05;
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final SentenceEmbedder e5;
    private final Calibration calibration;

    public Relevance(SentenceEmbedder e5) {
        this(e5, Calibration.DEFAULT);
    }

    public Relevance(SentenceEmbedder e5, Calibration calibration) {
        this.e5 = e5;
        this.calibration = calibration;
    }

    /**
     * The raw cosine between the question as a query and the answer as a passage; a longer answer whose start is
     * neither plainly on topic nor plainly elsewhere is read by its first {@link #MAX_PASSAGE_CHARS} characters and by
     * its last as many, and counts as close as the closer: a rambling answer that gets to the point after an anecdote
     * is about the question as much as one that starts with it.
     */
    public double cosine(String question, String answer) {
        String text = collapsed(answer);
        var vectors = e5.embedAll(List.of(queryText(question), window(text, 0)));
        double best = SentenceEmbedder.cosine(vectors.get(0), vectors.get(1));
        // an answer plainly on topic where it starts, or plainly about something else, is not read further: the end
        // costs an encoding, and only an answer in between may be a ramble that gets to the point late
        double start = probability(best);
        if (text.length() <= MAX_PASSAGE_CHARS || start >= ON_TOPIC || start < ELSEWHERE) {
            return best;
        }
        int from = text.indexOf(' ', text.length() - MAX_PASSAGE_CHARS - 1) + 1;
        float[] end = e5.embed(window(text, from));
        return Math.max(best, SentenceEmbedder.cosine(vectors.get(0), end));
    }

    /** The question's e5 vector as a query, the one {@link #cosine} compares (cached by the embedder). */
    public float[] query(String question) {
        return e5.embed(queryText(question));
    }

    /** Several texts' e5 vectors as passages, encoded side by side (cached like {@link #passage}). */
    public List<float[]> passages(List<String> texts) {
        return e5.embedAll(texts.stream().map(Relevance::passageText).toList());
    }

    private static String queryText(String question) {
        return "query: " + Text.normalise(question.strip());
    }

    /**
     * The answer's e5 vector as a passage, the one {@link #cosine} compares with the question (cached by the
     * embedder, so reading it after {@code cosine} costs nothing).
     */
    public float[] passage(String answer) {
        return e5.embed(passageText(answer));
    }

    private static String passageText(String answer) {
        return window(collapsed(answer), 0);
    }

    /** The answer's words one space apart: blanked spans (an instruction to the grader) must not use up what is read. */
    private static String collapsed(String answer) {
        return SPACES.matcher(answer.strip()).replaceAll(" ");
    }

    /** Up to {@link #MAX_PASSAGE_CHARS} characters of the collapsed answer from {@code start}, as a passage. */
    private static String window(String text, int start) {
        return "passage: " + Text.normalise(text.substring(start, Math.min(text.length(), start + MAX_PASSAGE_CHARS)));
    }

    /** 0-1: how likely the answer is about the question at all. */
    public double of(String question, String answer) {
        return probability(cosine(question, answer));
    }

    public double probability(double cosine) {
        return 1 / (1 + Math.exp(-(cosine - calibration.midpoint()) / calibration.scale()));
    }
}
