package dev.viva.assessment.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Key points that are criteria about an answer ("names technologies used", "describes a concrete situation", "states
 * the outcome") rather than facts an answer states ("tuples are hashable"). A criterion's words say what to look for,
 * not what the candidate will say: a story that "reduced p95 from 180 to 70 ms" states an outcome without the word
 * "outcome". So each criterion is judged by detectors for what it describes: named technologies, first-person
 * actions, a situation with context, a result, a reflection, communication with people, alternatives weighed,
 * evidence used, a question asked. A criterion no detector understands falls back to how close its meaning is to
 * the answer's closest passage.
 */
public final class Criteria {

    /** How far an answer meets one criterion, 0-1, and the span that shows it (null when nothing does). */
    public record Judgement(double met, Text.Span evidence) {
    }

    /** What a criterion can ask for. */
    enum Detector {
        TECHNOLOGIES("technolog|tools?\\b|stack|methods?\\b|frameworks?|languages?|names? a specific|specific (?:topic|tool|method|technology|concept)"),
        OWN_ACTIONS("\\bown\\b|their (?:actions|contribution|role|responsibilit\\w*|mentoring)|what they (?:tried|did|changed|built)"
                + "|how they (?:corrected|learned|adapted|organi[sz]ed|framed|built|learnt|asked|raised|convinced|aligned)|personally|describes what they"
                + "|proposed|explains? the reasoning|what they built|the decision\\b"),
        SITUATION("situation|incident|project|decision|problem|bug\\b|mistake|context|concern|person|deadline|request|recent"
                + "|systems operated|backend work|the design|the practice|manual work|starting|stakes|competing|the original"),
        OUTCOME("outcome|result|impact|growth|measur|change\\b|adoption|consequences|corrected"),
        REFLECTION("reflect|learn|lesson|differently|do now|relationship"),
        COMMUNICATION("communicat|stakeholder|with whom|consensus|align|convinc|raised it|asked for help|designer|brought people"
                + "|made the case|audience|explanation|communicated"),
        ALTERNATIVES("alternativ|trade-?offs?|options|criteria such|compar|compromise|cutting scope"),
        EVIDENCE("\\bdata\\b|evidence|experiment|prototype|root cause|discovered|was found|how it was"),
        QUESTION("\\basks?\\b|\\bquestion");

        final Pattern cue;

        Detector(String cue) {
            this.cue = Pattern.compile("(?i)" + cue);
        }
    }

    /** A criterion opens with what the answer should do: "describes ...", "names ...", "states ...". */
    private static final Pattern CRITERION = Pattern.compile("(?i)^(?:describes?|names?|mentions?|explains?|states?|gives?"
            + "|shows?|asks?|reflects?|quantifies|admits?|owns?|acknowledges?|involves?|shares?|proposes?|proposed"
            + "|raised|raises|uses? (?:data|evidence|examples?)|talks? about|walks? through|provides?)\\b");

    private static final Pattern FIRST_PERSON_ACTION = Pattern.compile("(?i)\\b(?:i|i've|i'd)\\s+(?:then\\s+|also\\s+|first\\s+|personally\\s+|quickly\\s+|just\\s+)?"
            + "(?:\\w+ed|led|built|wrote|took|made|ran|set|put|got|found|went|spent|did|drove|chose|brought|kept|sat|told|taught"
            + "|met|gave|began|own|owned|handle|lead|maintain|work|design|build|write|run|pushed|paired|dug|shipped|split"
            + "|broke|rewrote|caught|fought|sought|thought|knew|felt|stood|understood|held|spoke|came|saw|read|left|fixed"
            + "|rebuilt|redid|remade|reran|cut|grew|won|sped|shut|spun|sent|drew|bought|hit|quit)\\b"
            // work in progress is the candidate's own too ("I've been rebuilding the checkout"), unless it is any work
            + "|\\b(?:i'?ve been|i have been|i'?m|i am)\\s+(?!(?:working|learning|doing|coding|trying|looking|thinking"
            + "|enjoying|programming|developing|passionate|interested|keen|excited|happy|good|able|going)\\b)\\w{3,}ing\\b"
            // and so is a role stated as theirs ("I'm the only QA engineer", "my part was the evaluation")
            + "|\\bmy (?:part|role|job|responsibility) (?:was|is)\\b|\\b(?:i was|i'?m|i am) (?:responsible|accountable|in charge)\\b"
            + "|\\b(?:i was|i'?m|i am) the (?:\\w+ ){0,3}(?:engineer|lead|owner|developer|maintainer|architect)\\b"
            + "|\\b(?:i was|i'?m|i am) the one who\\b");
    private static final Pattern WE_ACTION = Pattern.compile("(?i)\\bwe\\s+(?:\\w+ed|built|wrote|took|made|ran|set|put|got|found|went|did|chose|kept|split|shipped)\\b");
    private static final Pattern PAST_VERB = Pattern.compile("(?i)\\b(?:was|were|had|\\w{3,}ed|went|took|made|ran|got|found|began|broke|came|saw"
            + "|wrote|built|led|drove|chose|kept|brought|spent|grew|rewrote|won|became|held|sent|cut|split)\\b");
    private static final Pattern SITUATION_CUE = Pattern.compile("(?i)\\b(?:at my (?:previous|last|current|first|old)?\\s*(?:role|job|company|team|employer|startup)"
            + "|(?:in|on) (?:my|our|one|a) (?:previous |last |current |recent )?(?:project|team|role|job|squad)|when i was|last (?:year|quarter|month|spring|summer|autumn|fall|winter)"
            + "|a few (?:years|months|weeks) ago|there was (?:a|an|this)|we had (?:a|an|this)|the situation|i was working|i joined|recently|currently|right now"
            + "|(?:i|we)(?:'ve| have)? just (?:finished|shipped|wrapped up|completed|launched|delivered|moved|migrated)|my (?:most )?recent"
            + "|(?:for|over|in) the (?:past|last) (?:\\w+ )?(?:years?|months|quarters?)|at (?:\\p{Lu}\\w+)|lately|these days"
            + "|this (?:year|quarter)|(?:i|we)(?:'ve| have) been (?!working\\b|learning\\b|doing\\b)\\w{3,}ing|the last (?:thing|project|feature|release))");
    private static final Pattern RESULT_CUE = Pattern.compile("(?i)\\b(?:as a result|the result|resulted in|in the end|eventually|reduced|increased|improved|saved|delivered"
            + "|cut|dropped|went (?:from|down|up)|succeeded|shipped|launched|on time|fixed|resolved|stopped|no longer|zero|halved|doubled"
            + "|outcome|which meant|so now|since then|ended up|got (?:it|the)|adopted|promoted|passed|approved|agreed|recovered|restored"
            + "|fell|rose|grew|shrank|disappeared|went away|prevented|avoided|caught|(?:by|to) (?:about |roughly |around |almost )?(?:half|a third|a quarter|a fifth)"
            + "|(?:down )?to (?:almost |nearly |practically |virtually )?(?:none|nothing|zero))\\b");
    private static final Pattern REFLECTION_CUE = Pattern.compile("(?i)\\b(?:i learned|i learnt|lessons? learned|the lesson|what i learned|in hindsight|next time|looking back"
            + "|now i (?:always|make sure|try|check|do)|since then|i would (?:do|have)|i'?d (?:do|have)|(?:taught|showed) me|i realised|i realized"
            + "|my takeaway|the takeaway|i now|these days i|going forward)\\b");
    private static final Pattern COMMUNICATION_CUE = Pattern.compile("(?i)\\b(?:talked|spoke|met|wrote|explained|presented|asked|told|shared|discussed|aligned|convinced"
            + "|persuaded|called|messaged|emailed|updated|informed|walked|showed|paired|reached out|set up a (?:call|meeting)|escalated|proposed|agreed)\\b"
            + "[^.!?]{0,60}\\b(?:team|manager|stakeholders?|designers?|colleagues?|lead|product|pm|engineers?|customers?|users?|them|him|her|everyone|people|channel|director|cto|ceo|support|clients?|mentee|senior)\\b");
    private static final Pattern ALTERNATIVES_CUE = Pattern.compile("(?i)\\b(?:options?|alternatives?|instead|trade-?offs?|versus|vs\\.?|compared|either|on the other hand"
            + "|weighed|pros and cons|rather than|cut(?:ting)? scope|descoped?|compromise|middle ground|phased?)\\b");
    private static final Pattern EVIDENCE_CUE = Pattern.compile("(?i)\\b(?:data|metrics?|numbers|benchmark\\w*|measured|experiment\\w*|prototype\\w*|a/b|profil\\w+"
            + "|logs?|traces?|dashboards?|graphs?|root cause|turned out|found (?:that|out)|discovered|traced|bisect\\w*|reproduc\\w+)\\b");
    private static final Pattern QUESTION_CUE = Pattern.compile("(?i)(?:\\?|\\b(?:i'?d (?:like|love) to (?:know|ask|hear)|i was wondering|can you tell me|could you tell me"
            + "|what (?:does|is|are|would|do)|how (?:does|do|is|are|would|big)|who (?:would|will)|is there)\\b)");

    private Criteria() {
    }

    public static boolean isCriterion(String keyPoint) {
        return CRITERION.matcher(keyPoint.strip()).find();
    }

    /** Splits key points into facts and criteria, keeping their order. */
    public static List<List<String>> split(List<String> keyPoints) {
        List<String> facts = new ArrayList<>();
        List<String> criteria = new ArrayList<>();
        for (String k : keyPoints) {
            (isCriterion(k) ? criteria : facts).add(k);
        }
        return List.of(facts, criteria);
    }

    /**
     * How far an answer states what came of the work (0-1): an outcome told with a number, in words ("the tickets
     * disappeared"), or only a number. The guide's strong introduction names something the candidate achieved, whether
     * or not the question's criteria ask for it.
     */
    public static double outcome(String answer) {
        return detect(Detector.OUTCOME, answer, Set.of()).met();
    }

    /** The detectors a criterion's wording asks for; empty when none applies. */
    static List<Detector> detectors(String criterion) {
        List<Detector> out = new ArrayList<>();
        for (Detector d : Detector.values()) {
            if (d.cue.matcher(criterion).find()) {
                out.add(d);
            }
        }
        // "names a specific technology" is about technologies, not about a situation or the candidate's own role
        if (out.contains(Detector.TECHNOLOGIES)) {
            out.retainAll(List.of(Detector.TECHNOLOGIES));
        }
        return out;
    }

    /**
     * How far the answer meets a criterion; {@code null} when no detector understands it, so the caller can judge it
     * by meaning instead.
     *
     * @param technologies the distinct technical terms the answer names
     */
    public static Judgement judge(String criterion, String answer, Set<String> technologies) {
        List<Detector> ds = detectors(criterion);
        if (ds.isEmpty()) {
            return null;
        }
        double sum = 0;
        Text.Span evidence = null;
        for (Detector d : ds) {
            Judgement j = detect(d, answer, technologies);
            sum += j.met();
            if (evidence == null) {
                evidence = j.evidence();
            }
        }
        return new Judgement(sum / ds.size(), evidence);
    }

    private static Judgement detect(Detector d, String answer, Set<String> technologies) {
        return switch (d) {
            case TECHNOLOGIES -> new Judgement(switch (technologies.size()) {
                case 0 -> 0;
                case 1 -> 0.5;
                case 2 -> 0.8;
                default -> 1;
            }, null);
            case OWN_ACTIONS -> {
                List<Text.Span> mine = spans(FIRST_PERSON_ACTION, answer);
                List<Text.Span> ours = spans(WE_ACTION, answer);
                double met = mine.size() >= 3 ? 1 : mine.size() == 2 ? 0.8 : mine.size() == 1 ? 0.5 : ours.isEmpty() ? 0 : 0.3;
                yield new Judgement(met, first(mine, ours));
            }
            case SITUATION -> {
                List<Text.Span> cue = spans(SITUATION_CUE, answer);
                int past = spans(PAST_VERB, answer).size();
                boolean concrete = !technologies.isEmpty() || !Cues.numbers(answer).isEmpty();
                double met = !cue.isEmpty() ? (concrete || past >= 3 ? 1 : 0.7) : past >= 4 ? 0.7 : past >= 2 ? 0.4 : 0;
                yield new Judgement(met, cue.isEmpty() ? null : cue.getFirst());
            }
            case OUTCOME -> {
                List<Text.Span> cue = spans(RESULT_CUE, answer);
                // spoken numbers too: "caught two breaking changes", "cut it by a third"
                boolean number = !Cues.numbers(answer).isEmpty();
                double met = !cue.isEmpty() ? (number ? 1 : 0.75) : number ? 0.35 : 0;
                yield new Judgement(met, cue.isEmpty() ? null : cue.getFirst());
            }
            case REFLECTION -> judged(REFLECTION_CUE, answer, 1);
            case COMMUNICATION -> judged(COMMUNICATION_CUE, answer, 2);
            case ALTERNATIVES -> judged(ALTERNATIVES_CUE, answer, 2);
            case EVIDENCE -> judged(EVIDENCE_CUE, answer, 2);
            case QUESTION -> judged(QUESTION_CUE, answer, 1);
        };
    }

    /** Met once the cue appears {@code full} times; half met on the first of two. */
    private static Judgement judged(Pattern cue, String answer, int full) {
        List<Text.Span> found = spans(cue, answer);
        double met = found.isEmpty() ? 0 : found.size() >= full ? 1 : 0.6;
        return new Judgement(met, found.isEmpty() ? null : found.getFirst());
    }

    private static Text.Span first(List<Text.Span> a, List<Text.Span> b) {
        return !a.isEmpty() ? a.getFirst() : !b.isEmpty() ? b.getFirst() : null;
    }

    private static List<Text.Span> spans(Pattern p, String text) {
        List<Text.Span> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            out.add(new Text.Span(m.start(), m.end(), m.group()));
        }
        return out;
    }
}
