package dev.viva.interviewer.generation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.viva.interviewer.InterviewerConfig;
import dev.viva.role.RoleTemplate;
import dev.viva.tts.SentenceStream;
import io.smallrye.mutiny.subscription.Cancellable;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Words follow-ups with a language model in the persona's voice, together with the key points a strong answer to the
 * generated question covers. Everything else, and any follow-up the model cannot deliver in time or in a valid form,
 * is worded by the offline generator; the reason is returned with the reply and stored on the turn.
 *
 * <p>In a voice session ({@link SpokenReply#CURRENT} bound) the reply streams: each sentence is checked as soon as it
 * is complete and handed to speech, so the candidate hears the acknowledgement while the question is being written.
 * A stream that is late, stalls, breaks or says something it must not is abandoned mid-turn: the offline wording
 * continues from what was already spoken (its question after the model's acknowledgement, or all of it when nothing
 * was spoken), so there is no gap and nothing is said twice. Text sessions get the whole reply once it is complete.
 *
 * <p>The candidate's answer is sent only as a JSON string field of the user message, and the instructions say that
 * field is data; the output is checked regardless, because a prompt is not a security boundary.
 */
public final class LlmReplyGenerator implements ReplyGenerator {

    private static final Logger LOG = Logger.getLogger(LlmReplyGenerator.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARKER = InterviewerModel.KEY_POINTS.toLowerCase(Locale.ROOT);
    /** "Right," "I see," "That makes sense,": long enough for an opener, too short to be the substance of a reply. */
    private static final int LEADING_CLAUSE_WORDS = 3;

    private final InterviewerModel model;
    private final OfflineReplyGenerator offline;
    private final InterviewerConfig.Llm settings;

    public LlmReplyGenerator(InterviewerModel model, OfflineReplyGenerator offline, InterviewerConfig.Llm settings) {
        this.model = model;
        this.offline = offline;
        this.settings = settings;
    }

    @Override
    public Reply reply(ReplyContext context, Move move) {
        if (!(move instanceof Move.FollowUp followUp)) {
            return offline.reply(context, move);
        }
        // worded up front: when a stream fails mid-sentence its continuation must be ready at once
        Reply fallback = offline.reply(context, move);
        Checks checks = new Checks(context, followUp);
        String payload = payload(context, followUp);
        Reply reply = SpokenReply.CURRENT.isBound() && settings.stream()
                ? stream(payload, checks, fallback, SpokenReply.CURRENT.get())
                : complete(payload, checks, fallback);
        if (reply.fallbackReason() != null) {
            LOG.infof("LLM follow-up for interview %s turn %d not used (%s); offline wording instead",
                    context.interviewId(), context.seq(), reply.fallbackReason());
        }
        return reply;
    }

    /** What a reply must not contain, for one move. */
    private record Checks(List<String> secret, List<String> avoid, List<String> targets) {

        Checks(ReplyContext context, Move.FollowUp move) {
            this(secret(move), context.role().persona().avoid(), move.targets());
        }

        private static List<String> secret(Move.FollowUp move) {
            RoleTemplate.Question parent = move.parent();
            List<String> secret = new ArrayList<>(parent.keyPoints());
            secret.addAll(parent.criteria());
            secret.addAll(parent.misconceptions());
            secret.addAll(move.targets());
            if (parent.idealAnswer() != null) {
                secret.add(parent.idealAnswer());
            }
            return secret;
        }
    }

    // --- the whole reply at once ------------------------------------------------------------------------------------

    private Reply complete(String payload, Checks checks, Reply fallback) {
        String raw;
        try {
            raw = model.complete(payload);
        } catch (TimeoutException e) {
            return fallback.withFallback("timeout: no reply within the budget (" + firstLine(e.getMessage()) + ")");
        } catch (RuntimeException e) {
            return fallback.withFallback(error(e));
        }
        if (raw == null || raw.isBlank()) {
            return fallback.withFallback("malformed output: empty");
        }
        int marker = raw.toLowerCase(Locale.ROOT).indexOf(MARKER);
        String speech = marker < 0 ? raw : raw.substring(0, marker);
        SentenceStream sentences = new SentenceStream();
        List<String> said = new ArrayList<>(sentences.append(speech));
        said.add(sentences.rest());
        said.removeIf(String::isBlank);
        List<String> ack = new ArrayList<>();
        String question = null;
        for (String s : said) {
            if (s.contains("?")) {
                question = s;
                break; // anything after the question would not be said
            }
            ack.add(s);
        }
        if (question == null) {
            return fallback.withFallback("invalid output: no question");
        }
        List<String> keyPoints = marker < 0 ? List.of() : keyPoints(raw.substring(marker + MARKER.length()));
        Optional<String> problem = ReplyValidator.problem(String.join(" ", ack), question, keyPoints,
                checks.secret(), checks.avoid());
        if (problem.isPresent()) {
            return fallback.withFallback("invalid output: " + problem.get());
        }
        ack.add(question);
        return new Reply(OfflineReplyGenerator.join(ack.toArray(String[]::new)), question, keyPoints, Reply.LLM, null);
    }

    // --- streamed into speech ---------------------------------------------------------------------------------------

    /** What the model's stream delivers, queued for the thread that checks and speaks it. */
    private sealed interface Event {
        record Piece(String text) implements Event {
        }

        record Failed(Throwable error) implements Event {
        }

        record Done() implements Event {
        }

        record Interrupted() implements Event {
        }
    }

    /** One streamed reply in progress: what was received, spoken, and whether speech is over. */
    private static final class Streamed {
        final StringBuilder raw = new StringBuilder();
        final SentenceStream sentences = new SentenceStream();
        final List<String> spoken = new ArrayList<>();
        /** Characters of {@code raw} handed to the sentence stream. */
        int fed;
        int ackChars;
        /** An opening clause spoken ahead of the rest of its sentence, until that rest arrives. */
        String openClause;
        String question;
        /** The key-points marker arrived before a question: speech is over. */
        boolean markerSeen;
        boolean done;
    }

    private Reply stream(String payload, Checks checks, Reply fallback, SpokenReply speaker) {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        Cancellable subscription;
        try {
            subscription = model.stream(payload).subscribe().with(
                    piece -> events.add(new Event.Piece(piece)),
                    error -> events.add(new Event.Failed(error)),
                    () -> events.add(new Event.Done()));
        } catch (RuntimeException e) {
            return spokenFallback(new Streamed(), fallback, error(e), speaker);
        }
        speaker.onInterrupt(() -> events.add(new Event.Interrupted()));
        Streamed s = new Streamed();
        long firstSentenceBy = System.nanoTime() + settings.firstSentenceWithin().toNanos();
        long deadline = firstSentenceBy;
        String failure = null;
        try {
            while (failure == null && !s.done) {
                Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                failure = switch (event) {
                    case null -> s.spoken.isEmpty()
                            ? "timeout: no first sentence within " + settings.firstSentenceWithin().toMillis() + " ms"
                            : "stalled: nothing for " + settings.stallAfter().toMillis() + " ms mid-stream";
                    case Event.Interrupted i -> "interrupted by the candidate";
                    case Event.Failed f -> error(f.error());
                    case Event.Done d -> {
                        s.done = true;
                        yield s.question != null ? null : endOfSpeech(s, checks, speaker);
                    }
                    case Event.Piece p -> {
                        s.raw.append(p.text());
                        yield s.question != null || s.markerSeen ? null : speakWhatIsComplete(s, checks, speaker);
                    }
                };
                if (!s.spoken.isEmpty()) {
                    deadline = System.nanoTime() + settings.stallAfter().toNanos(); // from now on only stalls count
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted";
        } finally {
            if (!s.done) {
                subscription.cancel();
            }
        }
        if (s.question == null) {
            return spokenFallback(s, fallback, failure == null ? "invalid output: no question" : failure, speaker);
        }
        // the question was spoken: the reply stands even if the key points never arrive or are unusable, and the
        // answer is then assessed against what the follow-up was about
        int marker = s.raw.toString().toLowerCase(Locale.ROOT).indexOf(MARKER);
        List<String> keyPoints = marker < 0 ? List.of() : keyPoints(s.raw.substring(marker + MARKER.length()));
        if (failure != null || ReplyValidator.keyPointsProblem(keyPoints).isPresent()) {
            LOG.debugf("Streamed follow-up without usable key points (%s); its targets stand in", failure);
            keyPoints = checks.targets();
        }
        return new Reply(OfflineReplyGenerator.join(s.spoken.toArray(String[]::new)), s.question, keyPoints,
                Reply.LLM, null);
    }

    /**
     * Hands every sentence the stream has completed to speech after checking it; returns why the stream must be
     * abandoned, or null. Text that may be the start of the key-points marker is held back until it is known.
     */
    private String speakWhatIsComplete(Streamed s, Checks checks, SpokenReply speaker) {
        int marker = s.raw.toString().toLowerCase(Locale.ROOT).indexOf(MARKER, Math.max(0, s.fed - MARKER.length()));
        if (marker >= 0) {
            String before = s.raw.substring(s.fed, Math.max(s.fed, marker));
            s.fed = marker;
            s.markerSeen = true;
            String problem = speak(s.sentences.append(before), s, checks, speaker);
            return problem != null || s.question != null ? problem : endOfSpeech(s, checks, speaker);
        }
        int safe = s.raw.length() - markerPrefix(s.raw);
        if (safe <= s.fed) {
            return null;
        }
        String piece = s.raw.substring(s.fed, safe);
        s.fed = safe;
        List<String> complete = s.sentences.append(piece);
        if (complete.isEmpty() && s.spoken.isEmpty()) {
            // the first sound of the reply matters most: a short opening clause goes ahead of its sentence
            Optional<String> clause = s.sentences.leadingClause(LEADING_CLAUSE_WORDS);
            if (clause.isPresent()) {
                return speakClause(clause.get(), s, checks, speaker);
            }
        }
        return speak(complete, s, checks, speaker);
    }

    /** The speech ended (the marker, or the end of the stream) without a question yet: its last sentence. */
    private String endOfSpeech(Streamed s, Checks checks, SpokenReply speaker) {
        if (s.fed < s.raw.length() && !s.markerSeen) {
            s.sentences.append(s.raw.substring(s.fed));
            s.fed = s.raw.length();
        }
        String rest = s.sentences.rest();
        String problem = rest.isEmpty() ? null : speak(List.of(rest), s, checks, speaker);
        return problem != null || s.question != null ? problem : "invalid output: no question";
    }

    private String speakClause(String clause, Streamed s, Checks checks, SpokenReply speaker) {
        Optional<String> problem = ReplyValidator.sentenceProblem(clause, checks.secret(), checks.avoid());
        if (problem.isPresent()) {
            return "invalid output: " + problem.get();
        }
        speaker.say(clause);
        s.spoken.add(clause);
        s.openClause = clause;
        return null;
    }

    private String speak(List<String> sentences, Streamed s, Checks checks, SpokenReply speaker) {
        for (String piece : sentences) {
            if (s.question != null) {
                return null; // the question ends what is said; anything after it is not spoken
            }
            // after an opening clause said on its own, the piece ends its sentence: checked and kept as one
            String sentence = s.openClause == null ? piece : s.openClause + " " + piece;
            Optional<String> problem = ReplyValidator.sentenceProblem(sentence, checks.secret(), checks.avoid());
            if (problem.isEmpty() && sentence.contains("?")) {
                problem = ReplyValidator.questionProblem(sentence);
            } else if (problem.isEmpty() && s.ackChars + sentence.length() > ReplyValidator.MAX_ACK) {
                problem = Optional.of("acknowledgement longer than " + ReplyValidator.MAX_ACK + " characters");
            }
            if (problem.isPresent()) {
                return "invalid output: " + problem.get();
            }
            speaker.say(piece);
            s.spoken.add(piece);
            s.openClause = null;
            if (sentence.contains("?")) {
                s.question = sentence;
            } else {
                s.ackChars += sentence.length() + 1;
            }
        }
        return null;
    }

    /**
     * The offline wording takes over from what was spoken: all of it when nothing was, otherwise its question after
     * the model's acknowledgement (the offline acknowledgement would say the same thing twice).
     */
    private static Reply spokenFallback(Streamed s, Reply fallback, String reason, SpokenReply speaker) {
        if (s.spoken.isEmpty()) {
            speaker.say(fallback.text());
            return fallback.withFallback(reason);
        }
        speaker.say(fallback.question());
        List<String> said = new ArrayList<>(s.spoken);
        said.add(fallback.question());
        return new Reply(OfflineReplyGenerator.join(said.toArray(String[]::new)), fallback.question(),
                fallback.keyPoints(), Reply.OFFLINE, reason + " (after the model's acknowledgement was spoken)");
    }

    /** How many characters at the end of {@code raw} could be the beginning of the key-points marker. */
    private static int markerPrefix(CharSequence raw) {
        String tail = raw.subSequence(Math.max(0, raw.length() - MARKER.length()), raw.length()).toString()
                .toLowerCase(Locale.ROOT);
        for (int n = Math.min(tail.length(), MARKER.length() - 1); n > 0; n--) {
            if (MARKER.startsWith(tail.substring(tail.length() - n))) {
                return n;
            }
        }
        return 0;
    }

    /** The key points listed after the marker: one per line, list bullets removed. */
    static List<String> keyPoints(String listed) {
        List<String> points = new ArrayList<>();
        for (String line : listed.split("\\R")) {
            String point = line.strip().replaceFirst("^([-*•]|\\d+[.)])\\s*", "").strip();
            if (!point.isEmpty()) {
                points.add(point);
            }
        }
        return points;
    }

    /** The user message: every piece of context as JSON, the candidate's words as one string field. */
    static String payload(ReplyContext context, Move.FollowUp move) {
        RoleTemplate.Persona persona = context.role().persona();
        ObjectNode root = JSON.createObjectNode();
        root.putObject("persona").put("name", persona.name()).put("style", persona.style())
                .set("avoid", JSON.valueToTree(persona.avoid()));
        root.put("role", context.role().name());
        root.put("level", context.level().id());
        root.put("interview_question", move.parent().text());
        root.put("probe", switch (move.probe()) {
            case MISSING_POINT -> "ask about a topic the answer left out (listed in topics_not_covered)";
            case EXAMPLE -> "ask for a concrete example from the candidate's own work";
            case TRADE_OFF -> "ask about the trade-offs of what the candidate proposed";
            case CHALLENGE -> "politely challenge a belief in the answer (described in topics_not_covered)";
        });
        root.set("topics_not_covered", JSON.valueToTree(move.targets()));
        root.put("candidate_answer", move.previous().answer());
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    private static String error(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return "error: " + cause.getClass().getSimpleName() + ": " + firstLine(cause.getMessage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
