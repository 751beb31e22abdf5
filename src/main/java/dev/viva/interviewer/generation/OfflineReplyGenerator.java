package dev.viva.interviewer.generation;

import dev.viva.assessment.AnswerAssessment;
import dev.viva.role.Phase;
import dev.viva.role.QuestionKind;
import dev.viva.role.RoleTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Phrasing without a language model: acknowledgements that quote the answer, follow-ups built from the candidate's
 * own words and the topic of an uncovered key point, and bank questions introduced in the persona's voice. Choices
 * among phrasings are seeded by interview id and turn, so the same interview always reads the same while two
 * candidates hear different words. Never mentions scores, and never recites a key point: probes name a topic
 * (two or three words) instead.
 */
public final class OfflineReplyGenerator implements ReplyGenerator {

    /** Only for choosing the tone of an acknowledgement; the engine's thresholds decide what happens next. */
    private static final int STRONG = 75;
    private static final int WEAK = 40;
    private static final Pattern WARM = Pattern.compile("(?i)\\b(warm|encourag\\w*|friendly|supportive|approachable)\\b");
    private static final Pattern NEXT_STEPS = Pattern.compile(
            "(?i)\\b(next|process|hear back|timeline|when will|steps?|feedback|decision|result)\\b");
    private static final Pattern FOR_RECRUITER = Pattern.compile(
            "(?i)\\b(salary|pay|compensation|benefits?|bonus|equity|remote|office|visa|holidays?|vacation|contract"
            + "|relocat\\w*|start date)\\b");
    private static final Pattern ABOUT_ROLE = Pattern.compile(
            "(?i)\\b(team|role|day|work|project|responsib\\w*|stack|tech\\w*|expect\\w*|looking for|level|position"
            + "|job|tools?)\\b");

    @Override
    public Reply reply(ReplyContext ctx, Move move) {
        SplittableRandom random = new SplittableRandom(ctx.seed(move.getClass().getSimpleName().hashCode()));
        RoleTemplate.Persona persona = ctx.role().persona();
        boolean warm = WARM.matcher(persona.style()).find();
        return switch (move) {
            case Move.Open o -> {
                String greeting = persona.greeting().replace("{candidate}", ctx.firstName().isEmpty()
                        ? "there" : ctx.firstName()).replace("{role}", ctx.role().name()).strip();
                yield bank(join(greeting, o.question().text()), o.question());
            }
            case Move.Ask a -> bank(join(acknowledge(ctx, a.previous(), random, warm, true),
                    transition(a.transition(), a.question().phase(), random), a.question().text(),
                    a.withHint() ? pick(random, "To get you started: ", "A pointer to begin with: ")
                            + a.question().hint() : ""), a.question());
            case Move.FollowUp f -> followUp(ctx, f, random, warm);
            case Move.Hint h -> {
                String question = pick(random, "With that in mind, how would you approach it?",
                        "Would you like to have another go at it?", "How would you tackle it with that in mind?");
                String lead = pick(random, "Let me give you a nudge: ", "Here's a hint: ", "One pointer: ");
                yield generated(join(acknowledge(ctx, h.previous(), random, warm, false), lead + h.parent().hint(),
                        question), question, List.of());
            }
            case Move.Repeat r -> said(join(pick(random, "Of course.", "Sure, here it is again:", "No problem."),
                    r.question()));
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
                yield generated(join(roleAnswer(ctx, r.candidateQuestion()), question), question, List.of());
            }
            case Move.Close c -> said(join(closingAck(ctx, c.previous(), random, warm),
                    c.timeUp() ? "We've reached the end of our time, so let's stop here."
                            : "That brings us to the end of the interview.",
                    "Thank you" + (ctx.firstName().isEmpty() ? "" : ", " + ctx.firstName()) + ", for your time today.",
                    "What happens next: your answers will be reviewed, a written report goes to the hiring team, and"
                            + " they will be in touch with you about next steps.",
                    warm ? "Good luck!" : ""));
        };
    }

    private Reply followUp(ReplyContext ctx, Move.FollowUp f, SplittableRandom random, boolean warm) {
        String answer = f.previous().answer();
        List<String> avoid = ctx.role().persona().avoid();
        List<String> focus = new ArrayList<>(f.targets());
        if (f.probe() != Move.Probe.CHALLENGE && f.previous().assessment() != null) {
            focus.addAll(f.previous().assessment().coveredKeyPoints());
        }
        Optional<String> quote = Phrases.quote(answer, focus, avoid);
        String said = quote.map(q -> "“" + q + "”").orElse("that");
        boolean behavioural = f.parent().kind() == QuestionKind.BEHAVIOURAL;
        String question = switch (f.probe()) {
            case MISSING_POINT -> {
                String topic = Phrases.topic(f.targets().isEmpty() ? f.parent().text() : f.targets().getFirst(),
                        answer);
                yield pick(random,
                        "You mentioned " + said + ". Where does " + topic + " fit into that?",
                        "Building on " + said + ": what role does " + topic + " play here?",
                        "When you said " + said + ", how would " + topic + " come into it?",
                        "Going back to " + said + ", could you say more about " + topic + "?");
            }
            case EXAMPLE -> behavioural
                    ? pick(random,
                    "You mentioned " + said + ". What did you do yourself at that point, and how did it turn out?",
                    "Going back to " + said + ", what was your own part in it, and what was the result?",
                    "About " + said + ": what exactly did you do, and what happened as a result?")
                    : pick(random,
                    "You said " + said + ". Could you give me a concrete example of that from something you've built?",
                    "When you say " + said + ", what would that look like in a real project you've worked on?",
                    "Could you make " + said + " concrete with an example from your own work?");
            case TRADE_OFF -> pick(random,
                    "You went for " + said + ". What trade-offs come with that, and when would you choose differently?",
                    "With " + said + ", what are you giving up, and how would you decide whether it's worth it?",
                    "What would make you reconsider " + said + ", and what does that choice cost you?");
            case CHALLENGE -> pick(random,
                    "I'd like to gently push back on one thing: you said " + said
                            + ". Is that always the case, and why?",
                    "Let me check one point with you. You said " + said
                            + "; can you think of a situation where that wouldn't hold?",
                    "One thing I want to test: " + said + ". How sure are you of that, and what's your reasoning?");
        };
        String ack = f.probe() == Move.Probe.CHALLENGE
                ? pick(random, "Thanks.", "Okay.", "Thanks for that.")
                : acknowledge(ctx, f.previous(), random, warm, false);
        return generated(join(ack, question), question, f.targets());
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
            case ROLE_QUESTION, NOTHING_MORE -> "";
            case ANSWER -> {
                if (p.phase() == Phase.INTRODUCTION) {
                    Optional<String> q = Phrases.quote(p.answer(), List.of(), avoid);
                    String name = ctx.firstName().isEmpty() ? "" : ", " + ctx.firstName();
                    yield q.map(s -> pick(random, "Thanks" + name + ", it's good to hear about “" + s + "”.",
                                    "Thank you" + name + ". “" + s + "” sounds like a good background for this.",
                                    "Thanks" + name + "; “" + s + "” is helpful context."))
                            .orElse("Thanks" + name + ", that's helpful context.");
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

    private static String closingAck(ReplyContext ctx, Move.Previous p, SplittableRandom random, boolean warm) {
        if (p == null) {
            return "";
        }
        return switch (p.intent()) {
            case NOTHING_MORE -> pick(random, "Great.", "Alright.", "Sure.");
            case ROLE_QUESTION -> "The recruiter will be happy to answer any further questions you have.";
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

    private static String roleAnswer(ReplyContext ctx, String question) {
        RoleTemplate role = ctx.role();
        if (FOR_RECRUITER.matcher(question).find()) {
            return "That's one for the recruiter; they can give you accurate details on it.";
        }
        if (NEXT_STEPS.matcher(question).find()) {
            return "After today, a written report of our conversation goes to the hiring team, and they'll contact"
                    + " you about the next steps.";
        }
        if (ABOUT_ROLE.matcher(question).find()) {
            RoleTemplate.LevelSpec spec = role.levels().get(ctx.level());
            String expectations = spec.expectations().strip();
            return "Good question. This is the " + role.name() + " role: " + role.description().strip() + " At the "
                    + ctx.level().id() + " level we're looking for: " + lowerFirst(expectations);
        }
        return "I don't have the details on that here, but the recruiter will be glad to answer it.";
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
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
