package dev.viva.assessment.service;

import dev.viva.assessment.QuestionSpec;
import dev.viva.assessment.signal.Criteria;
import dev.viva.assessment.signal.SentenceEmbedder;
import dev.viva.assessment.signal.Text;
import dev.viva.role.QuestionKind;
import dev.viva.role.RoleTemplate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a question from outside the bank asks and which of the role's dimensions its answer informs. Such questions
 * (a transcript recorded elsewhere, an interviewer's own wording) come without a rubric or dimensions; filing every
 * answer under the heaviest dimension would make that one dimension stand for the whole interview and leave the
 * others unassessed. Two readings of MiniLM similarity decide: how close the question is to each dimension's name and
 * description, and which dimensions the role's own bank questions most like it inform (the template's authors
 * labelled those, so they say what "Systems Knowledge" covers better than a one-line description can), among the
 * bank questions of the same kind and the dimensions those inform. A question
 * asking about the candidate's conduct with other people (a conflict, feedback, a mistake) is behavioural and also
 * informs the role's people dimension. The kind (introduction, story, technical) is read first from how the question
 * asks, and where no wording tells, from the kinds of the bank questions most like it: an introduction judged as an
 * exam question would be scored against a rubric it never asked for.
 */
public final class QuestionProfiler {

    /** Bank questions consulted per question, and each one's weight relative to the description's. */
    static final int NEIGHBOURS = 3;
    /** Bank questions whose kinds vote on the kind of a question that no wording told. */
    static final int KIND_NEIGHBOURS = 3;
    /** Fewer content words than this and an asking sentence names no topic of its own. */
    static final int TOPIC_WORDS = 3;
    /** A second dimension is informed too when it has most of the closest one's support. */
    static final double SECOND_DIMENSION_SHARE = 0.9;

    /** What the people dimension of any role is about; matched against the role's own dimension texts. */
    private static final String PEOPLE = "teamwork, collaboration, communication with colleagues, ownership and attitude";

    /**
     * A story about conduct: "a time you disagreed with a colleague" is judged on its situation, actions and result.
     * A question none of these phrases fits is not thereby technical: the bank questions most like it decide
     * ({@link #nearestKind}), so "the hardest bug you've tracked down" is a story like the bank's "a time you were
     * stuck on a problem".
     */
    private static final Pattern STORY = Pattern.compile("(?i)\\b(?:tell (?:me|us) about a time|a time (?:when|you)"
            + "|give (?:me |us )?an example of a time|disagree\\w*|conflict\\w*|feedback|mistake|fail(?:ure|ed)"
            + "|difficult (?:colleague|team ?mate|team member|stakeholder|person|manager)|tight deadline"
            + "|mentor(?:ed|ing)?|persuade\\w*|convince\\w*"
            // "describe a situation where...", "share an example of when...", "have you ever had to...": the same ask
            + "|describe a (?:situation|time|moment|case)|(?:share|give)(?: me| us)? an example (?:of )?(?:(?:when|where|how)"
            // "give an example where you'd use one" asks where a thing fits, not for a story
            + "(?! (?:you'?d|you would|one would|it'?d|it would|you might|you could|it helps|it's useful))|a time|a situation)"
            + "|have you ever (?:had to|been)|how did you (?:handle|deal with|manage|approach|resolve"
            + "|respond)|push(?:ed)? back|bad news|competing priorities|(?:didn'?t|did not) go (?:as planned|well)"
            + "|went (?:wrong|badly|sideways)|a (?:difficult|hard|tough) (?:decision|conversation|call)"
            // "a model that looked good offline but disappointed in production": something that turned out badly
            + "|disappoint\\w*|regret\\w*|backfire\\w*|(?:didn'?t|did not) (?:work out|pan out|live up)"
            // "how do you handle it when a product manager asks for...": conduct towards people, asked in general
            + "|how do you (?:handle|deal with|respond|react|approach|manage)\\b[^?]{0,80}\\b(?:manager|colleague|team ?mate"
            + "|stakeholder|designer|pressure|stress|criticism|feedback|disagree\\w*|deadline|priorit\\w+|junior|newer)"
            + "|(?:tell (?:me|us) about|walk (?:me|us) through) an? (?:incident|outage|release|launch|on-?call shift)"
            + " (?:you|that|where|when)|how (?:have|did) you (?:helped|help|supported|support|onboarded|onboard|coached|coach)"
            // "the rollout was cancelled. What happened, and what was your part in it?": an event and their part in it
            + "|what (?:happened|went on)\\b[^?]{0,40}\\byour (?:own )?(?:part|share|role) in"
            // "You mentioned the outage. What did you personally do?": what they did in an event they brought up
            + "|what did you (?:personally|yourself) do|what did you do (?:personally|yourself))\\b");

    /**
     * "You mentioned Redis as a cache; how did you handle invalidation?": a follow-up on something the candidate said
     * asks about that thing, however much its wording ("how did you handle", "your current team") sounds like a story
     * or an introduction, unless it asks about their conduct with people ({@link #CONDUCT}).
     */
    private static final Pattern FOLLOW_UP = Pattern.compile("(?i)\\b(?:you (?:said|mentioned|told me|described|brought up"
            + "|talked about)|earlier you|going back to (?:the|your|what)|back to (?:the|your) \\w+ you"
            // "You made every class final in your code sample. Why?": a choice in the candidate's own work
            + "|you \\w+ [^.?!]{0,60}\\bin (?:that|your|the) (?:code(?: sample)?|sample|pull request|pr|solution|exercise"
            + "|take-home|snippet|diagram|design doc))\\b");
    private static final Pattern CONDUCT = Pattern.compile("(?i)\\b(?:colleague|team ?mate|team member|stakeholder|manager"
            + "|designer|product owner|customer|client|conflict|disagree\\w*|feedback|convinc\\w+|persuad\\w+|push(?:ed)? back"
            + "|mentor\\w*|junior|pressure|stress|blame|apologi[sz]\\w*|mistake|relationship"
            // "the project got shelved; what was your part in it?": their own conduct in what happened
            + "|your (?:own )?(?:part|share) in|personally)");

    /**
     * "Tell me about a time...": asked outright for a story, which no follow-up wording ("You mentioned the redesign
     * shipped late.") turns into a question about a technology.
     */
    private static final Pattern STORY_FRAME = Pattern.compile("(?i)\\b(?:(?:tell (?:me|us) about|walk (?:me|us) through"
            + "|describe|share|recall) (?:a|the (?:last|most recent|first)) time\\b|a time (?:when|you)"
            + "|give (?:me |us )?an example of a time|describe a (?:situation|time|moment) (?:when|where|you))\\b");

    /**
     * "How did that play out?", "Walk me through what happened" or "what you did", "What was your own part in it?", "How
     * did you get the other teams to adopt it?": after a follow-up's "you mentioned...", how something the candidate
     * lived through went, which is a story whatever its subject
     * ("You mentioned you disagreed with a teammate about adopting TCA. How did that play out?").
     */
    private static final Pattern OUTCOME_ASK = Pattern.compile("(?i)\\b(?:how did (?:that|it|this|things|the)(?: \\w+){0,2}"
            + " (?:actually )?(?:go|play out|end(?: up)?|turn out|work out|get (?:resolved|settled)|happen|land)"
            + "|what (?:actually )?happened|how did you (?:make|get) (?:that|it|this) (?:happen|done|to work)"
            + "|(?:tell|walk) (?:me|us) (?:through )?(?:how|what) (?:that |it |this )?(?:actually )?happened"
            // "Walk me through what you did": the candidate's own actions in it
            + "|(?:tell|walk|talk) (?:me|us) (?:through )?what you (?:actually |personally )?did"
            // "Tell me how you handled that", "How did you get the other teams to adopt it?": their conduct in it
            + "|how you (?:handled|dealt with|resolved|managed|approached|navigated) (?:that|it|this|them|the situation)"
            + "|how did you (?:get|bring|win) (?:\\w+ ){0,3}?(?:\\w+s|everyone|people|them) (?:to (?:adopt|use|agree|accept"
            + "|buy|switch|move|migrate|follow|sign|care|try|start|stop)|on board|over)"
            + "|(?:your|you) (?:own )?(?:part|role|share) in)\\b");

    /** "How would you build the front end?": a problem to solve, whatever the bank questions most like it are. */
    private static final Pattern SOLVE = Pattern.compile("(?i)\\bhow (?:(?:would|do|should|could|can) (?:you|we|one)"
            + "|you'?d|you would|to) (?:build|design|implement|architect|structure|scale|debug|diagnose|test|fix|model"
            + "|store|detect|prevent|investigate|troubleshoot|track (?:it |this )?down|work out|figure out|find out|approach"
            + "|tackle|go about|narrow (?:it |this )?down|pin (?:it |this )?down|run|deploy|monitor|roll out|migrate"
            // "how do you deal with it?" after a technical situation; "how do you handle it when pages keep coming in"
            // asks how they conduct themselves
            + "|secure|version|evaluate|validate|(?:deal with|handle|recover from) (?:it|this|that)(?! when))\\b"
            // "what happens when both branches are merged?", "what does a partial index give you?": a mechanism
            + "|\\bwhat (?:happens (?:when|if|to|after)|does (?:\\S+ ){1,6}?(?:give|tell|show|buy|cost) (?:you|us))\\b"
            // "the nightly job now takes six hours. What do you look at first?": where a diagnosis starts
            + "|\\b(?:what|where) (?:do|would|should|will|can) (?:you|we) (?:look|check|start|begin|dig)(?: at| into)? first\\b"
            // "what do you mean by toil?": a term to define, however personal the rest of the question sounds
            + "|\\bwhat (?:do|would) you mean by\\b");

    /**
     * "Writes stalled for twenty minutes. What would you do next time?": a scenario put to the candidate, asked in the
     * conditional about a system rather than about their past; the bank's stories it resembles ask what they did.
     */
    private static final Pattern HYPOTHETICAL = Pattern.compile("(?i)\\b(?:would you|you'?d|you would) (?:do|change|check|look"
            + "|try|suggest|recommend|fix|use|pick|choose|start|add|investigate|debug|prevent|avoid)\\b");
    private static final Pattern OWN_PAST = Pattern.compile("(?i)\\b(?:did you|have you|had you|you (?:did|had|have|were"
            + "|\\w+ed)|you'(?:ve|d (?:done|had|been)))\\b");

    /** A sentence that asks something: a question, or an imperative such as "Explain ..." or "Walk me through ...". */
    private static final Pattern ASKING = Pattern.compile("(?i)^(?:explain|describe|tell|walk|give|discuss|compare|design"
            + "|talk|share|list|outline|imagine|suppose|say|sketch|propose)\\b.*");

    private final SentenceEmbedder embedder;

    public QuestionProfiler(SentenceEmbedder embedder) {
        this.embedder = embedder;
    }

    /** Bank questions whose rubrics lend the question its domain vocabulary. */
    static final int DOMAIN_NEIGHBOURS = 3;
    /** A bank question this close (MiniLM cosine) asks the same thing, so its rubric is the question's rubric. */
    static final double SAME_QUESTION = 0.80;

    /** "Is there anything you'd like to ask me?": the candidate's turn, not an exam question. */
    static final Pattern WRAP_UP = Pattern.compile("(?i)\\b(?:(?:anything|what|something)(?: else)? (?:you'?d|you would|would you|do you) (?:like|want) to (?:(?:add|say) or )?(?:ask|know)"
            + "|(?:you'?d|you would|would you|do you|you) (?:like|want|wish) to ask(?: (?:me|us))?(?=\\s*[?.]*$)"
            + "|(?:any|have any|got any) questions? for (?:me|us)|questions? (?:about|on) the (?:role|team|company)"
            + "|anything you want to ask|what would you like to know|(?:what|any) questions? (?:do you have|have you got)"
            + "|(?:do you have|have you got|got) any questions|anything (?:else )?(?:you'?re|you are) curious about"
            + "|the floor is yours|questions? (?:can|could) i answer|what can i (?:answer|tell you|clarify)"
            + "|what(?:'s| is) on your mind|anything i can (?:answer|tell you|clarify)"
            // the candidate's turn offered by what the interview left out, or from their side of the table
            + "|anything (?:else )?(?:we (?:didn'?t|did not|haven'?t|have not) (?:cover|covered|get to|talk about|talked about)"
            + "|(?:you'?d|you would) like to add(?=\\s*[?.]*$))|questions? (?:on|from) your (?:side|end)"
            // "anything else you want to add before we wrap up?": the last word offered as the interview closes
            + "|anything (?:else )?(?:(?:you'?d|you would|you) (?:like|want) to (?:add|say|mention)|to add)[^?.]{0,20}"
            + " before (?:we|you) (?:wrap|finish|close|end|stop|go|hang up))\\b");
    /** "Tell me about yourself", "walk me through your most recent project": an introduction, not an exam question. */
    private static final Pattern INTRODUCTION = Pattern.compile("(?i)\\b(?:(?:tell|talk) (?:me|us) (?:a (?:bit|little) )?about"
            + " (?:yourself|your (?:background|experience|career|current (?:role|job|work)))|walk (?:me|us) through your"
            + " (?:most recent|latest|current|last|recent) (?:project|role|job|work)|introduce yourself"
            + "|what (?:have you|you've) been working on (?:lately|recently)"
            + "|why (?:are you|you're) (?:interested in|applying|looking)|why (?:this|our) (?:company|role|team|position)"
            + "|what (?:do you know|attracted you|interests you|excites you) about (?:us|our|this|the) ?"
            + "|what (?:was|is) your role (?:in|on|at)|what are you looking for in (?:your next|a|the) "
            // the candidate's current job, path and motivation in the many ways interviewers open with them
            + "|your (?:current|present|day-to-day|daily) (?:job|team|role|company|employer|work|setup|position|squad|product)"
            + "|(?:the|a) (?:team|company|product) (?:you'?re|you are) (?:on|in|at|working on)|where (?:do )?you fit"
            + "|how (?:did |do )?you (?:(?:first )?(?:get|got) (?:into|started)|end(?:ed)? up (?:in|doing|as|working|on|with)"
            + "|came (?:to|into)|start(?:ed)? (?:in|out)|wound up|land(?:ed)? (?:in|here)|found your way)"
            + "|what (?:does|is) your (?:[\\w-]+ ){0,2}(?:work|job|role|day|week|setup) (?:look )?like"
            + "|(?:work|project|thing|feature)[^?]{0,60}you'?d (?:most )?(?:like|love|want) to (?:talk|tell me) about"
            // (but "what made you choose LightGBM over XGBoost" asks for a technical choice)
            + "|what (?:made|brought|led|got|draws|drew|attracted|pulled) you (?:to|into"
            + "|towards|apply|choose|decide|want|here)(?![^?]{0,60}\\b(?:over|instead of|rather than|versus|vs)\\b)|(?:keeping|kept|keeps) you busy|(?:a |your )?(?:normal|typical|usual"
            + "|average) (?:day|week|sprint)|(?:tour|summary|overview|rundown|short version|quick version) of your"
            + "|your (?:background|career|journey|path)\\b|looking around|what (?:do you want|are you hoping) (?:from|in)"
            + " (?:your|the|a) next|appl(?:y|ied|ying) for (?:this|the|our)|your role (?:on|in|at) )");

    /**
     * "Tell me about the last thing you automated that you were happy with", "what project are you most proud of":
     * the candidate's own recent work, judged like an introduction (what they did, with what, in which role) when it
     * is not a story about conduct ({@link #STORY} is asked first).
     */
    private static final Pattern OWN_WORK = Pattern.compile("(?i)\\b(?:(?:tell|talk) (?:me|us) (?:a (?:bit|little) )?about"
            + " (?:the|a|an|one|your) (?:[\\w-]+ ){0,3}(?:thing|project|feature|system|app|product|tool|piece of work|work"
            + "|pipeline|model|service|library|test suite|framework)s? (?:that )?(?:you|you've|you have|you're|you are)\\b"
            + "|(?:project|thing|work|feature|app)s? (?:that )?(?:you'?re|you are) (?:most |really |particularly )?proud of"
            // "what's the most recent model you've put into production", "walk me through the last thing you shipped"
            + "|(?:the|your) (?:most recent|latest|last|recent|current|favou?rite) (?:[\\w-]+ ){0,2}(?:thing|project|feature"
            + "|model|system|app|product|tool|work|release|pipeline|service|change|migration|test suite|piece of work)s?"
            + " (?:that )?(?:you|you've|you have|you're|you are|your team)\\b"
            + "|what (?:have you|you've) been (?:working on|doing|focusing on|focused on|up to|building|busy with)"
            + "|what (?:are you|you're) (?:working on|focusing on|building|busy with)"
            + " (?:at the moment|right now|these days|currently|lately|now)"
            + "|your (?:proudest|biggest|greatest) (?:achievement|accomplishment))");

    /**
     * The spec of a question that is not in the role's bank, with whatever rubric the caller has for it: its kind and
     * dimensions inferred, its key points told apart into facts and criteria, the nearest bank questions' rubrics as
     * its domain vocabulary, and a bank question's rubric outright when the question is that bank question reworded.
     */
    public QuestionSpec profile(RoleTemplate role, String question, List<String> keyPoints, String idealAnswer) {
        String ask = ask(question);
        boolean followUp = FOLLOW_UP.matcher(question).find();
        QuestionKind kind = WRAP_UP.matcher(ask).find() ? QuestionKind.CONVERSATIONAL
                : STORY_FRAME.matcher(ask).find() ? QuestionKind.BEHAVIOURAL
                : followUp && OUTCOME_ASK.matcher(ask).find() ? QuestionKind.BEHAVIOURAL
                : followUp && !CONDUCT.matcher(ask).find() ? QuestionKind.TECHNICAL
                : INTRODUCTION.matcher(ask).find() ? QuestionKind.CONVERSATIONAL
                : STORY.matcher(ask).find() ? QuestionKind.BEHAVIOURAL
                : OWN_WORK.matcher(ask).find() ? QuestionKind.CONVERSATIONAL : null;
        float[] vec = embedder.embed(Text.normalise(topic(question, ask)));
        if (kind == null) {
            boolean scenario = HYPOTHETICAL.matcher(ask).find() && !OWN_PAST.matcher(question).find()
                    && !CONDUCT.matcher(question).find();
            kind = SOLVE.matcher(ask).find() || scenario ? QuestionKind.TECHNICAL : nearestKind(role, vec);
        }
        List<Neighbour> neighbours = neighbours(role, vec, kind);
        List<String> facts = keyPoints == null ? List.of() : Criteria.split(keyPoints).get(0);
        List<String> criteria = keyPoints == null ? List.of() : Criteria.split(keyPoints).get(1);
        List<String> misconceptions = List.of();
        String ideal = idealAnswer;
        if ((keyPoints == null || keyPoints.isEmpty()) && idealAnswer == null && !neighbours.isEmpty()
                && neighbours.getFirst().similarity() >= SAME_QUESTION) {
            RoleTemplate.Question same = neighbours.getFirst().question();
            facts = same.keyPoints();
            criteria = same.criteria();
            misconceptions = same.misconceptions();
            ideal = same.idealAnswer();
        }
        String vocabulary = kind == QuestionKind.CONVERSATIONAL ? QuestionSpec.roleDomain(role) : domain(neighbours);
        return new QuestionSpec(question, kind, dimensions(role, vec, kind, neighbours), facts, criteria, misconceptions,
                ideal, vocabulary);
    }

    /**
     * The kind of the bank questions most like this one, when no wording gave it away: the bank's introductions and
     * stories are asked in more ways than any list of phrases holds ("what's keeping you busy at work"), and a
     * question that is neither is technical. The closest {@link #KIND_NEIGHBOURS} vote, each by its similarity.
     */
    private QuestionKind nearestKind(RoleTemplate role, float[] question) {
        List<Neighbour> all = closest(role.questions(), question);
        Map<QuestionKind, Double> vote = new EnumMap<>(QuestionKind.class);
        for (Neighbour n : all.subList(0, Math.min(KIND_NEIGHBOURS, all.size()))) {
            vote.merge(n.question().kind(), n.similarity(), Double::sum);
        }
        return vote.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(QuestionKind.TECHNICAL);
    }

    /** The nearest bank questions' rubrics and ideal answers, or null when the bank has no question of the kind. */
    private static String domain(List<Neighbour> neighbours) {
        StringBuilder domain = new StringBuilder();
        for (Neighbour n : neighbours.subList(0, Math.min(DOMAIN_NEIGHBOURS, neighbours.size()))) {
            RoleTemplate.Question q = n.question();
            domain.append(String.join(". ", q.keyPoints())).append(". ").append(String.join(". ", q.misconceptions()))
                    .append(". ").append(q.idealAnswer() == null ? "" : q.idealAnswer()).append('\n');
        }
        return domain.isEmpty() ? null : domain.toString();
    }

    /** A bank question and how close (MiniLM cosine) the question being profiled is to it. */
    private record Neighbour(RoleTemplate.Question question, double similarity) {
    }

    /**
     * The role's bank questions of the same kind, closest first: a technical question is compared with the bank's
     * technical questions, a story with its stories, since the frame ("tell me about...") shared by every story would
     * otherwise outweigh the topic.
     */
    private List<Neighbour> neighbours(RoleTemplate role, float[] question, QuestionKind kind) {
        return closest(role.questions().stream().filter(q -> q.kind() == kind && !q.dimensions().isEmpty()).toList(),
                question);
    }

    private List<Neighbour> closest(List<RoleTemplate.Question> bank, float[] question) {
        List<float[]> bankVecs = pooled(bank.stream().map(q -> Text.normalise(q.text())).toList());
        List<Neighbour> out = new ArrayList<>();
        for (int i = 0; i < bank.size(); i++) {
            out.add(new Neighbour(bank.get(i), SentenceEmbedder.cosine(question, bankVecs.get(i))));
        }
        out.sort(Comparator.comparingDouble(n -> -n.similarity()));
        return out;
    }

    /**
     * The part of a question that asks something, without the interviewer's preamble ("That's a great example.
     * Now, let's move to another area."): its questions and imperatives, or its last sentence when it has neither.
     */
    public static String ask(String question) {
        String plain = plain(question);
        List<String> sentences = new ArrayList<>();
        for (String s : plain.split("(?<=[.!?])\\s+|\\n+")) {
            if (!s.isBlank()) {
                sentences.add(s.strip());
            }
        }
        if (sentences.isEmpty()) {
            return plain;
        }
        List<String> asking = sentences.stream().filter(s -> s.endsWith("?") || ASKING.matcher(s).matches()).toList();
        return String.join(" ", asking.isEmpty() ? List.of(sentences.getLast()) : asking);
    }

    /**
     * What the question is about: its asking part, unless that part names no topic ("What do you think?", "What would
     * you say to that?"), when the sentences before it say what is being asked about.
     */
    private static String topic(String question, String ask) {
        return Text.contentStems(ask).size() < TOPIC_WORDS ? plain(question) : ask;
    }

    /** The question without the Markdown emphasis an LLM-written question may carry. */
    private static String plain(String question) {
        return question.replace("*", "").strip();
    }

    private List<String> dimensions(RoleTemplate role, float[] question, QuestionKind kind, List<Neighbour> neighbours) {
        List<RoleTemplate.Dimension> dims = role.dimensions();
        List<float[]> texts = pooled(dims.stream().map(d -> Text.normalise(d.name() + ": " + d.description())).toList());
        Map<String, Double> support = new LinkedHashMap<>();
        for (int i = 0; i < dims.size(); i++) {
            support.put(dims.get(i).id(), SentenceEmbedder.cosine(question, texts.get(i)));
        }
        if (!neighbours.isEmpty()) {
            Set<String> informed = neighbours.stream().flatMap(n -> n.question().dimensions().stream())
                    .collect(Collectors.toSet());
            support.keySet().retainAll(informed);
        }
        for (Neighbour n : neighbours.subList(0, Math.min(NEIGHBOURS, neighbours.size()))) {
            for (String d : n.question().dimensions()) {
                support.computeIfPresent(d, (k, v) -> v + n.similarity() / NEIGHBOURS);
            }
        }
        List<String> ranked = support.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).map(Map.Entry::getKey).toList();
        List<String> out = new ArrayList<>(List.of(ranked.getFirst()));
        if (ranked.size() > 1 && support.get(ranked.get(1)) >= SECOND_DIMENSION_SHARE * support.get(ranked.getFirst())) {
            out.add(ranked.get(1));
        }
        if (kind == QuestionKind.BEHAVIOURAL) {
            float[] people = embedder.embed(PEOPLE);
            int closest = 0;
            for (int i = 1; i < dims.size(); i++) {
                if (SentenceEmbedder.cosine(people, texts.get(i)) > SentenceEmbedder.cosine(people, texts.get(closest))) {
                    closest = i;
                }
            }
            if (!out.contains(dims.get(closest).id())) {
                out.add(dims.get(closest).id());
            }
        }
        return List.copyOf(out);
    }

    private List<float[]> pooled(List<String> texts) {
        return embedder.encodeAll(texts).stream().map(SentenceEmbedder.Encoded::pooled).toList();
    }
}
