package dev.viva.interviewer.generation;

import dev.viva.assessment.AnswerAssessment;
import dev.viva.role.Phase;
import dev.viva.role.QuestionKind;
import dev.viva.role.RoleTemplate;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phrasing without a language model: acknowledgements that follow the assessed quality of the answer, follow-ups that
 * are the template's authored probes (or a whole general question, after a whole clause quoted from the answer), and
 * bank questions introduced in the persona's voice. Choices among phrasings are seeded by interview id and turn, so the
 * same interview always reads the same while two candidates hear different words. Never mentions scores, never recites
 * a key point and never assembles a question from pieces of one.
 */
public final class OfflineReplyGenerator implements ReplyGenerator {

    /** Only for choosing the tone of an acknowledgement; the engine's thresholds decide what happens next. */
    private static final int STRONG = 75;
    private static final int WEAK = 40;
    /** The opening before the first question: about 12 s spoken at FreeTTS's pace (~150 words a minute). */
    static final int MAX_OPENING_WORDS = 30;
    private static final String INVITE_REQUESTS = "Feel free to ask me to repeat or clarify anything.";
    private static final Pattern WARM = Pattern.compile("(?i)\\b(warm|encourag\\w*|friendly|supportive|approachable)\\b");
    private static final Pattern SENTENCE = Pattern.compile("[^.!?]+[.!?]+(?=\\s|$)");

    @Override
    public Reply reply(ReplyContext ctx, Move move) {
        SplittableRandom random = new SplittableRandom(ctx.seed(move.getClass().getSimpleName().hashCode()));
        RoleTemplate.Persona persona = ctx.role().persona();
        boolean warm = WARM.matcher(persona.style()).find();
        return switch (move) {
            case Move.Open o -> bank(join(opening(ctx), o.question().text()), o.question());
            case Move.Ask a -> bank(join(acknowledge(ctx, a.previous(), random, warm, true),
                    transition(a.transition(), a.question().phase(), random), a.question().text(),
                    a.withHint() ? pick(random, "To get you started: ", "A pointer to begin with: ")
                            + a.question().hint() : ""), a.question());
            case Move.FollowUp f -> followUp(ctx, f, random, warm);
            case Move.Hint h -> {
                String question = pick(random, "With that in mind, how would you approach it?",
                        "How would you tackle it with that in mind?", "With that in mind, what would you say now?");
                String lead = pick(random, "Let me give you a nudge: ", "Here's a hint: ", "One pointer: ");
                yield generated(join(acknowledge(ctx, h.previous(), random, warm, false), lead + h.parent().hint(),
                        question), question, List.of());
            }
            case Move.Repeat r -> said(join(pick(random, "Of course.", "Sure, here it is again:", "No problem."),
                    r.question(), r.hint() == null || r.hint().isBlank() ? ""
                            : pick(random, "And a pointer: ", "One pointer: ") + r.hint()));
            case Move.Redirect r -> generated(join(pick(random,
                    "I think we may have drifted a little from what I asked, so let me bring us back to it.",
                    "Let me steer us back to the question, as I don't think we quite got to it.",
                    "That's a bit away from what I was asking, so let me put the question again."), r.question()),
                    r.question(), List.of());
            case Move.Clarify c -> said(c.clarification() != null && !c.clarification().isBlank()
                    ? join(pick(random, "Sure, let me put it another way.", "Of course.", "Good idea to check."),
                    c.clarification())
                    : join(pick(random, "Sure, let me put it another way.", "Of course, let me rephrase."),
                    "In your own words and with whatever detail you think matters:", c.question()));
            case Move.NotCaught n -> said(n.attempt() <= 1
                    ? pick(random, "Sorry, I didn't catch that. Could you say it again?",
                    "I'm sorry, I didn't catch that. Could you try again?",
                    "Sorry, I didn't catch your answer. Could you say it once more?")
                    : join("I still didn't catch anything. Take your time; here's the question again:", n.question()));
            case Move.Defer d -> said(join(pick(random,
                    "Good question. Let's keep it for the end; there'll be time for your questions then.",
                    "I'll make sure we leave time for questions like that at the end."), "For now:", d.question()));
            case Move.RoleAnswer r -> {
                String question = pick(random, "Is there anything else you'd like to ask?",
                        "Anything else you'd like to know?", "What else would you like to ask?");
                yield generated(join(roleAnswer(r, random), question), question, List.of());
            }
            case Move.Close c -> said(join(closingAck(c.previous(), random, warm),
                    switch (c.reason()) {
                        case TIME_UP -> "We've reached the end of our time, so let's stop here.";
                        case CANDIDATE_ENDED -> pick(random, "Of course, we can stop here.",
                                "That's absolutely fine, let's stop here.");
                        case PLAN_COMPLETE, ABANDONED, CANCELLED, EXPIRED -> "That brings us to the end of the interview.";
                    },
                    "Thank you" + (ctx.firstName().isEmpty() ? "" : ", " + ctx.firstName()) + ", for your time today.",
                    "What happens next: your answers will be reviewed, a written report goes to the hiring team, and"
                            + " they will be in touch with you about next steps.",
                    warm ? "Good luck!" : ""));
        };
    }

    /**
     * The persona's greeting cut to whole sentences that fit the opening's length, then an invitation to ask for
     * repeats if it still fits: a candidate should hear the first question within about 12 seconds.
     */
    static String opening(ReplyContext ctx) {
        String greeting = ctx.role().persona().greeting().replace("{candidate}", ctx.firstName().isEmpty()
                ? "there" : ctx.firstName()).replace("{role}", ctx.role().name()).strip();
        StringBuilder out = new StringBuilder();
        int words = 0;
        Matcher m = SENTENCE.matcher(greeting);
        while (m.find()) {
            String sentence = m.group().strip();
            int n = sentence.split("\\s+").length;
            if (words + n > MAX_OPENING_WORDS) {
                break;
            }
            out.append(out.isEmpty() ? "" : " ").append(sentence);
            words += n;
        }
        if (out.isEmpty()) {
            // a greeting without a short first sentence: a plain one in its place rather than half a sentence
            return join("Hi" + (ctx.firstName().isEmpty() ? "" : " " + ctx.firstName()) + ", I'm "
                    + ctx.role().persona().name() + ", and I'll be your interviewer today.", INVITE_REQUESTS);
        }
        if (words + INVITE_REQUESTS.split("\\s+").length <= MAX_OPENING_WORDS) {
            out.append(' ').append(INVITE_REQUESTS);
        }
        return out.toString();
    }

    /**
     * A probe of a missing point is the template's own question for it; the other kinds are whole general questions,
     * after a whole clause of the answer they refer to when there is one.
     */
    private Reply followUp(ReplyContext ctx, Move.FollowUp f, SplittableRandom random, boolean warm) {
        String answer = f.previous().answer();
        List<String> avoid = ctx.role().persona().avoid();
        String ack = acknowledge(ctx, f.previous(), random, warm, false);
        return switch (f.probe()) {
            case MISSING_POINT -> {
                List<String> probes = f.parent().probesFor(f.targets().getFirst());
                if (probes.isEmpty()) {
                    throw new IllegalArgumentException("no authored probe for '" + f.targets().getFirst()
                            + "' of question " + f.parent().id() + ": the engine only asks for authored probes");
                }
                String question = probes.get(random.nextInt(probes.size())).strip();
                yield generated(join(ack, question), question, f.targets());
            }
            case CHALLENGE -> {
                String question = pick(random, Phrases.CHALLENGE.toArray(String[]::new));
                String lead = Phrases.quote(answer, f.targets(), avoid)
                        .map(q -> pick(random, "I'd like to gently push back on one thing: you said “" + q + "”.",
                                "Let me check one point with you. You said “" + q + "”.",
                                "One thing I want to test: you said “" + q + "”."))
                        .orElse("I'd like to check one point of your answer with you.");
                yield generated(join(pick(random, "Thanks.", "Okay.", "Thanks for that."), lead, question), question,
                        f.targets());
            }
            case EXAMPLE, TRADE_OFF -> {
                boolean story = f.parent().kind() == QuestionKind.BEHAVIOURAL || f.parent().keyPoints().isEmpty();
                String question = story ? Phrases.storyQuestion(f.targets().isEmpty() ? null : f.targets().getFirst())
                        : pick(random, (f.probe() == Move.Probe.EXAMPLE ? Phrases.EXAMPLE : Phrases.TRADE_OFF)
                        .toArray(String[]::new));
                List<String> focus = f.previous().assessment() == null ? List.of()
                        : f.previous().assessment().coveredKeyPoints();
                String lead = Phrases.quote(answer, focus, avoid)
                        .map(q -> pick(random, "You mentioned “" + q + "”.", "You said “" + q + "”."))
                        .orElse("");
                yield generated(join(ack, lead, question), question, f.targets());
            }
        };
    }

    /**
     * @param withQuote whether the acknowledgement may quote the answer (not when a follow-up quotes it anyway)
     */
    private String acknowledge(ReplyContext ctx, Move.Previous p, SplittableRandom random, boolean warm,
                               boolean withQuote) {
        if (p == null) {
            return "";
        }
        List<String> avoid = ctx.role().persona().avoid();
        return switch (p.intent()) {
            case EMPTY -> pick(random, "No problem, let's try a different question.",
                    "That's alright, let's move on to something else.");
            case DONT_KNOW, REPEAT, CLARIFY -> pick(random, "That's completely fine; nobody knows everything.",
                    "No problem at all, thanks for saying so.", "That's okay, it's better to say so than to guess.",
                    "Fair enough, let's look at something else.");
            case INSTRUCTION -> "I'll keep us to the interview questions.";
            case ROLE_QUESTION, NOTHING_MORE, END -> "";
            case ANSWER -> {
                if (p.phase() == Phase.INTRODUCTION) {
                    String name = ctx.firstName().isEmpty() ? "" : ", " + ctx.firstName();
                    yield pick(random, "Thanks" + name + ", that's helpful context.",
                            "Thank you" + name + ", that gives me a good picture of your background.",
                            "Thanks" + name + ", that's a useful introduction.");
                }
                yield scoredAck(p, random, warm, withQuote, avoid);
            }
        };
    }

    private String scoredAck(Move.Previous p, SplittableRandom random, boolean warm, boolean withQuote,
                             List<String> avoid) {
        AnswerAssessment a = p.assessment();
        if (a == null) {
            return pick(random, "Thanks.", "Thank you.", "Okay, thanks.");
        }
        if (a.score() >= STRONG) {
            String base = pick(random, "That's a clear answer.", "Good, that covers it well.",
                    "Nice, that's a solid explanation.", "Thanks, that's thorough.",
                    "That's exactly the kind of detail I was after.");
            Optional<String> q = withQuote ? Phrases.quote(p.answer(), a.coveredKeyPoints(), avoid) : Optional.empty();
            return q.map(s -> join(base, pick(random, "I liked “" + s + "”.", "“" + s + "” was a good point.",
                    "Especially “" + s + "”."))).orElse(base);
        }
        if (a.score() >= WEAK) {
            String base = pick(random, "Thanks, that's a helpful start.", "Okay, I follow you.",
                    "Right, thanks for walking me through that.", "Thanks, that's useful.");
            Optional<String> q = withQuote && !a.coveredKeyPoints().isEmpty()
                    ? Phrases.quote(p.answer(), a.coveredKeyPoints(), avoid) : Optional.empty();
            return q.map(s -> join(base, "“" + s + "” is a fair point.")).orElse(base);
        }
        return warm ? pick(random, "Thanks for giving it a go.", "Thanks, that one's tricky.",
                "Okay, thank you for that.", "Alright, thank you.")
                : pick(random, "Okay, thank you.", "Alright.", "Thanks.");
    }

    private static String closingAck(Move.Previous p, SplittableRandom random, boolean warm) {
        if (p == null) {
            return "";
        }
        return switch (p.intent()) {
            case NOTHING_MORE -> pick(random, "Great.", "Alright.", "Sure.");
            case ROLE_QUESTION -> "I'll pass that question on; the recruiter will be happy to answer it.";
            case END -> "";
            case ANSWER -> p.phase() == Phase.WRAP_UP ? pick(random, "Thanks for sharing that.", "Thank you.")
                    : pick(random, "Thank you for that answer.", "Thanks.");
            default -> warm ? "No problem at all." : "";
        };
    }

    private static String transition(Move.Transition t, Phase phase, SplittableRandom random) {
        return switch (t) {
            case SAME_PHASE -> pick(random, "Next question.", "Moving on.", "Here's another one.", "Let's keep going.",
                    "");
            case EASIER -> pick(random, "Let's try a different angle.", "Let me ask you something a bit different.");
            case TIME_SHORT -> "We're getting close to time, so let's wrap up.";
            case NEW_PHASE -> switch (phase) {
                case INTRODUCTION -> "";
                case FOUNDATION -> pick(random, "Let's start with some fundamentals.",
                        "I'd like to begin with a few fundamentals.");
                case INTERMEDIATE -> pick(random, "Now let's work through a practical problem.",
                        "Let's get a bit more hands-on.");
                case SYSTEM_DESIGN -> pick(random, "Let's move on to some system design.",
                        "Now I'd like to zoom out to design.");
                case SOFT_SKILLS -> pick(random, "Let's talk a little about how you work with others.",
                        "I'd like to hear about teamwork and how you approach challenges.");
                case WRAP_UP -> pick(random, "We're nearly at the end.", "That's it for my technical questions.");
            };
        };
    }

    /** The template's candidate-facing answer, or the question passed on: never the rubric or level expectations. */
    private static String roleAnswer(Move.RoleAnswer r, SplittableRandom random) {
        if (r.topic() != null) {
            return r.topic().answer().strip();
        }
        if (r.personal()) {
            return "That's one for the recruiter: I'll pass your question on, and they can give you accurate details.";
        }
        return pick(random, "That's a good question, and I don't have the details here. I'll pass that question on"
                + " to the recruiter.", "I'm not the right person to answer that one, so I'll pass that question on"
                + " to the recruiter.");
    }

    private static Reply bank(String text, RoleTemplate.Question q) {
        return new Reply(text, q.text(), List.of(), Reply.OFFLINE, null);
    }

    private static Reply generated(String text, String question, List<String> keyPoints) {
        return new Reply(text, question, keyPoints, Reply.OFFLINE, null);
    }

    private static Reply said(String text) {
        return new Reply(text, null, List.of(), Reply.OFFLINE, null);
    }

    @SafeVarargs
    private static <T> T pick(SplittableRandom random, T... options) {
        return options[random.nextInt(options.length)];
    }

    static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                if (!sb.isEmpty()) {
                    sb.append(' ');
                }
                sb.append(p.strip());
            }
        }
        return sb.toString();
    }
}
