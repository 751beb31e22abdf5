package dev.viva.interviewer;

import dev.viva.role.Phase;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Rule-based reading of what a candidate's text is. Requests are only recognised in short turns so that an answer
 * which happens to mention "repeat" or "I'm not sure whether" is still scored as an answer.
 */
public final class IntentClassifier {

    private static final int SHORT_TURN_WORDS = 18;
    /** "I don't know" is only a turn's whole meaning when little else is said. */
    private static final int DONT_KNOW_WORDS = 10;
    private static final int QUESTION_TURN_WORDS = 60;

    private static final Pattern FILLERS = Pattern.compile(
            "^(?:\\W|uh+|um+|hm+|erm*|ah+|mm+|inaudible|unintelligible|noise|silence|blank_audio|music)*$");
    private static final Pattern REPEAT = Pattern.compile(
            "\\b((could|can|would) you (please )?repeat|repeat (that|the question|it|please)|say (that|it) again"
            + "|come again|pardon|didn'?t (hear|catch)|missed (that|the question))\\b|^repeat\\b");
    private static final Pattern CLARIFY = Pattern.compile(
            "\\b(rephrase|clarify|what do you mean|what does that mean|not sure what you('re| are) asking"
            + "|(don'?t|do not) understand (the|your) question|explain the question|what exactly|in other words"
            + "|which part|meaning of the question)\\b");
    private static final Pattern DONT_KNOW = Pattern.compile(
            "\\b(i (really )?(don'?t|do not) know|no idea|not sure|i'?m not familiar|never (used|worked with|heard of)"
            + "|(can|could) we skip|skip (this|that|it)|^(i'?ll |i will )?pass|i have no experience|no clue"
            + "|i can'?t (say|answer)"
            + "|i(?: a|')m not able to answer)\\b");
    private static final Pattern NOTHING_MORE = Pattern.compile(
            "^(no|nope|nah|nothing|none|not really|no thanks?( you)?|i'?m good|all good|that'?s (all|it|everything)"
            + "|i think that'?s (all|it)|no,? (that'?s|i'?m) (all|it|good|fine)|no questions?|no more questions?"
            + "|i don'?t have (any|any more|more) questions?)\\b");
    private static final Pattern ABOUT_THE_JOB = Pattern.compile(
            "\\b(this|the) (role|team|position|job|company|process)\\b|\\bnext steps?\\b"
            + "|\\b(salary|compensation|remote|hear back|on-?call)\\b");
    private static final Pattern QUESTION_START = Pattern.compile(
            "^(what|how|who|when|where|why|which|is|are|do|does|did|can|could|will|would|should|may)\\b");
    /**
     * The candidate asking to end the interview. The wish has to be theirs ("I'd like to", "can we", "let's") and be
     * about stopping the conversation (nothing after it, or "here", "now", "the interview"...), so that "let me stop
     * and think" or "I'd stop the consumer first" stay answers.
     */
    private static final Pattern END = Pattern.compile(
            "\\b(i'?d (really )?(like|prefer|want) to|i would (like|prefer) to|i (want|need|have) to|i wanna"
            + "|(can|could) we( please)?|let'?s|please( let'?s)?|can i|may i)"
            + " (stop|end|finish|quit|leave|wrap (it )?up|call it a day)"
            + "(?=( it)?( the| this)? *(here|now|there|early|interview|call|session|conversation|for (now|today)"
            + "|at this point)\\b|\\W*(please|thanks?( you)?)?\\W*$)"
            + "|^(please )?(end|stop|finish) (the|this) interview\\b|\\bi'?m done with (the|this) interview\\b");
    private static final Pattern INSTRUCTION = Pattern.compile(
            "\\b(ignore (all |any |your |the |my )?(previous |prior |above )?(instructions|prompt|rules)"
            + "|disregard (your|the|all) (instructions|rules)|system prompt|you are now|act as|"
            + "(give|award) me (full|maximum|max|perfect|100)|full marks|score (me|this) (as )?(100|10/10|perfect)"
            + "|developer mode|jailbreak)\\b");

    private IntentClassifier() {
    }

    public static Intent classify(String text, Phase phase) {
        String t = normalise(text);
        if (FILLERS.matcher(t.replace(" ", "")).matches() || t.chars().noneMatch(Character::isLetter)) {
            return Intent.EMPTY;
        }
        if (INSTRUCTION.matcher(t).find()) {
            return Intent.INSTRUCTION;
        }
        int words = t.split("\\s+").length;
        if (words <= SHORT_TURN_WORDS && END.matcher(t).find()) {
            return Intent.END;
        }
        if (phase == Phase.WRAP_UP && words <= SHORT_TURN_WORDS && NOTHING_MORE.matcher(t).find()
                && !t.contains("?")) {
            return Intent.NOTHING_MORE;
        }
        if (words <= SHORT_TURN_WORDS) {
            if (CLARIFY.matcher(t).find()) {
                return Intent.CLARIFY;
            }
            if (REPEAT.matcher(t).find()) {
                return Intent.REPEAT;
            }
            if (words <= DONT_KNOW_WORDS && DONT_KNOW.matcher(t).find()) {
                return Intent.DONT_KNOW;
            }
        }
        boolean asks = t.contains("?") || QUESTION_START.matcher(t).find();
        if (asks && words <= QUESTION_TURN_WORDS && (phase == Phase.WRAP_UP || mentionsTheJob(t))) {
            return Intent.ROLE_QUESTION;
        }
        return Intent.ANSWER;
    }

    /** Outside wrap-up a question counts as being about the role only if it names the job, team or process. */
    private static boolean mentionsTheJob(String t) {
        return ABOUT_THE_JOB.matcher(t).find();
    }

    static String normalise(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT).replace('’', '\'').strip();
    }
}
