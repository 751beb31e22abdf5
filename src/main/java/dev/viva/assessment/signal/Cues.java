package dev.viva.assessment.signal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Surface cues in an answer: hedging and filler, glib shortcuts, concrete first-person actions, numbers, named technologies,
 * trade-off language, situation/task/action/result/reflection markers for behavioural answers. Each match is a
 * verbatim span so it can be quoted as evidence.
 */
public final class Cues {

    public enum Kind {
        HEDGE, DONT_KNOW, GLIB, ACTION, NUMBER, TECH, TRADE_OFF, SITUATION, TASK, RESULT, REFLECTION
    }

    public record Match(Kind kind, Text.Span span) {
    }

    private static Pattern words(String alternatives) {
        return Pattern.compile("(?i)(?<![\\p{L}\\p{N}])(?:" + alternatives + ")(?![\\p{L}\\p{N}])");
    }

    private static final Pattern HEDGE = words("um+|uh+|erm|hmm+|i guess|i'?m not (?:really |entirely |totally )?sure|not sure"
            + "|i think maybe|maybe|kind of|sort of|probably|i'?m not certain|i can'?t remember|something like that"
            + "|i suppose|or something|i mean|you know");
    private static final Pattern DONT_KNOW = words("i (?:really )?don'?t know|i do not know|no idea|i have no idea|i'?m not familiar"
            + "|never heard of|i can'?t answer|i'?d have to guess|i'?m not sure (?:what|how|about)"
            // declining a question, not "pass by reference" or "pass the session into the endpoint"
            + "|(?:i'?ll|i will|i'?m going to|i'?d (?:rather|like to)|let me) pass(?:\\s+on (?:this|that)(?: one)?|\\s+for now)?"
            + "(?=\\s*(?:[.,!?]|$))");
    /**
     * Words that make a claim sound simple or settled instead of explaining it: minimisers ("just", "basically",
     * "automatically", "no need"), emphasis that stands in for a reason ("honestly", "really", "obviously") and
     * appeals to convention ("the standard way", "best practice"), and the vocabulary of a pitch that stands in for a
     * mechanism ("leverage", "cloud-native", "it's all about"; not "modern" or "end-to-end", which strong answers in the
     * development set use as plain descriptions). Confident wrong answers, vague ones and term lists lean on them; an
     * explanation needs few of them. Measured as a rate, since long strong answers use a few too.
     */
    private static final Pattern GLIB = words("just|simply|basically|automatically|obviously|honestly|really|easy|trivial"
            + "|always|completely|entirely|guaranteed"
            + "|no need|not needed|don'?t (?:really )?need|no [\\p{L}-]+ needed|the standard(?: way)?|best practices?"
            + "|leverag\\w*|cloud-native|seamless(?:ly)?|cutting-edge|state-of-the-art|best-in-class|world-class|user-centric"
            + "|enterprise-grade|future-proof|synerg\\w*|holistic(?:ally)?|it'?s all about");
    private static final Pattern ACTION = words("(?:i|we) (?:then )?(?:built|implemented|designed|wrote|added|led|migrated|set up"
            + "|created|introduced|measured|profiled|reduced|automated|fixed|deployed|refactored|ran|chose|decided|moved"
            + "|split|replaced|configured|tested|monitored|scheduled|proposed|organi[sz]ed|coordinated|analy[sz]ed"
            + "|investigated|wrote|shipped|rolled out|rolled back|paired|mentored|presented|negotiated|prototyped"
            + "|benchmarked|traced|debugged|reproduced|documented|trained|tuned|evaluated)"
            + "|i would (?:start|use|add|check|measure|look|run|first|profile|split|put|keep|choose)");
    private static final String SPELLED = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
            + "(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|two|three|four|five|six|seven|eight|nine|ten"
            + "|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen";
    /**
     * Numbers as digits or as words: speech recognition and people writing as they speak spell them out ("from
     * forty-eight minutes to eleven"). "One" is too common a word to count, and "the two" names things already said.
     */
    private static final Pattern NUMBER = words("\\d+(?:[.,]\\d+)?\\s*(?:%|percent|ms|milliseconds?|seconds?|minutes?|hours?|days?"
            + "|weeks?|months?|x|k|gb|mb|tb|rps|qps)?|(?<!(?:the|these|those) )(?:one hundred|" + SPELLED + ")|hundreds?"
            + "|thousands?|millions?|billions?|percent|half|double|twice|p9[59]|p50"
            + "|(?:a|one|two) (?:third|quarter|fifth|tenth)s?|three quarters|(?:two|three|four|five|ten)fold");
    private static final Pattern TRADE_OFF = words("trade-?\\s?offs?|however|on the other hand|at the cost of|downsides?"
            + "|drawbacks?|it depends|depends on|instead of|whereas|versus|vs|pros and cons|the risk|risks|but"
            + "|in exchange|the catch|cost of|comes at|overhead|alternatively|compared (?:to|with)");
    private static final Pattern SITUATION = words("(?:at|in) my (?:previous|last|current|first|old) (?:role|job|company|team|position|project)"
            + "|when i was|we had (?:a|an)|the situation|there was (?:a|an)|our team|a few (?:years|months) ago"
            + "|last year|in (?:one|a) project|at (?:a|my) (?:startup|company)|on my team|we were");
    private static final Pattern TASK = words("my (?:task|goal|job|responsibility|role) was|i was (?:responsible|asked|tasked|in charge)"
            + "|we needed to|i needed to|the goal was|i had to|our goal|the problem was|the challenge was");
    private static final Pattern RESULT = words("as a result|the result|resulted in|in the end|we reduced|it reduced|reduced|increased"
            + "|improved|saved|we delivered|delivered|cut|the outcome|outcome|which meant|went from|dropped|succeeded"
            + "|shipped on time|on time");
    private static final Pattern REFLECTION = words("i learned|i learnt|lessons? learned|the lesson|in hindsight|next time|looking back"
            + "|now i always|since then|i would do differently|i'?d do differently|taught me|i realised|i realized");
    // "no" is left out: in a claim it is mostly a determiner ("rows that have no match"), which negates nothing
    private static final Pattern NEGATION = words("not|n'?t|never|isn'?t|aren'?t|doesn'?t|don'?t|can'?t|cannot|won'?t"
            + "|wrong|myth|false|misconception");

    /** Named technologies a strong technical answer tends to mention; extended at run time by the bank's own terms. */
    static final Set<String> TECH = Set.of(
            "python", "fastapi", "django", "flask", "pydantic", "sqlalchemy", "asyncio", "asyncpg", "uvicorn", "gunicorn",
            "celery", "postgres", "postgresql", "mysql", "sqlite", "redis", "memcached", "kafka", "rabbitmq", "sqs",
            "kinesis", "elasticsearch", "mongodb", "cassandra", "dynamodb", "s3", "cdn", "nginx", "envoy", "docker",
            "kubernetes", "kubectl", "helm", "terraform", "ansible", "prometheus", "grafana", "jaeger", "zipkin",
            "opentelemetry", "datadog", "sentry", "pagerduty", "pytest", "jest", "vitest", "playwright", "cypress",
            "selenium", "react", "redux", "zustand", "typescript", "javascript", "next.js", "vite", "webpack", "graphql",
            "rest", "grpc", "websocket", "websockets", "http", "https", "tls", "oauth", "oauth2", "jwt", "saml", "cors",
            "csp", "indexeddb", "localstorage", "serviceworker", "lighthouse", "storybook", "aria", "wcag", "css",
            "html", "dom", "flexbox", "grid", "sql", "nosql", "index", "indexes", "explain", "analyze", "mvcc",
            "airflow", "dbt", "spark", "pyspark", "flink", "pandas", "numpy", "scikit-learn", "sklearn", "xgboost",
            "lightgbm", "pytorch", "tensorflow", "keras", "onnx", "mlflow", "feast", "smote", "shap", "bert", "gpt",
            "llm", "rag", "lora", "qlora", "transformer", "transformers", "embedding", "embeddings", "tf-idf", "auc",
            "roc", "f1", "precision", "recall", "rmse", "a/b", "etcd", "raft", "paxos", "consul", "istio", "linkerd",
            "argo", "jenkins", "github", "gitlab", "ci/cd", "git", "linux", "systemd", "cron", "lsof", "strace",
            "tcpdump", "dig", "dns", "tcp", "udp", "bgp", "vpc", "aws", "gcp", "azure", "lambda", "ec2", "eks", "gke",
            "cloudwatch", "slo", "slos", "sli", "slis", "sla", "mttr", "pgbouncer", "pgbackrest", "wal", "jvm", "gc",
            "oom", "cgroups", "namespaces", "cqrs", "saga", "outbox", "idempotency", "snowflake", "bigquery", "tableau",
            "looker", "great expectations", "optuna", "dvc", "kubeflow", "sagemaker", "vllm", "ollama", "openai",
            // the iOS and QA roles' tools and a few more of every role's, as speech recognition writes them (lower case)
            "swift", "swiftui", "uikit", "xcode", "testflight", "xctest", "xcuitest", "cocoapods", "alamofire", "realm",
            "firebase", "crashlytics", "objective-c", "kotlin", "appium", "webdriverio", "browserstack", "saucelabs",
            "espresso", "cucumber", "gherkin", "junit", "testng", "postman", "newman", "k6", "jmeter", "gatling",
            "locust", "mockito", "wiremock", "pact", "allure", "vue", "angular", "svelte", "tailwind", "zod", "tanstack",
            "nuxt", "sass", "cloudflare", "vercel", "loki", "thanos", "cert-manager", "argocd", "karpenter", "keda",
            "opsgenie", "pulumi", "catboost", "huggingface", "wandb", "dask", "polars", "duckdb", "pgvector", "faiss",
            "triton", "tensorrt", "coreml", "coredata", "swiftdata", "storekit", "widgetkit", "cloudkit", "mapkit",
            "healthkit", "arkit", "realitykit", "java", "golang", "rust", "node.js", "clickhouse", "opensearch", "splunk");

    /** Technical terms that are also ordinary verbs, and the words that mark the verb. */
    private static final Set<String> VERB_SENSE = Set.of("recall", "explain", "analyze");
    private static final Set<String> VERB_BEFORE = Set.of("i", "we", "you", "they", "can", "could", "to", "don't",
            "cannot", "can't", "would", "will", "i'd", "we'd");

    private Cues() {
    }

    public static List<Match> find(String answer, Set<String> extraTerms) {
        List<Match> out = new ArrayList<>();
        add(out, Kind.HEDGE, HEDGE, answer);
        add(out, Kind.DONT_KNOW, DONT_KNOW, answer);
        add(out, Kind.GLIB, GLIB, answer);
        add(out, Kind.ACTION, ACTION, answer);
        add(out, Kind.NUMBER, NUMBER, answer);
        add(out, Kind.TRADE_OFF, TRADE_OFF, answer);
        add(out, Kind.SITUATION, SITUATION, answer);
        add(out, Kind.TASK, TASK, answer);
        add(out, Kind.RESULT, RESULT, answer);
        add(out, Kind.REFLECTION, REFLECTION, answer);
        List<Text.Token> tokens = Text.tokens(answer);
        for (int i = 0; i < tokens.size(); i++) {
            Text.Token t = tokens.get(i);
            String w = t.bare();
            // "I can recall a project" is memory, not the metric
            boolean verb = VERB_SENSE.contains(w) && i > 0 && VERB_BEFORE.contains(tokens.get(i - 1).norm());
            if (i + 1 < tokens.size() && joinedTech(w, tokens.get(i + 1).bare())) {
                // speech recognition splits a product's name in two: "swift ui", "core data", "next js"
                Text.Token next = tokens.get(++i);
                out.add(new Match(Kind.TECH, new Text.Span(t.start(), next.end(), answer.substring(t.start(), next.end()))));
            } else if ((TECH.contains(w) || extraTerms.contains(w)) && !verb) {
                out.add(new Match(Kind.TECH, new Text.Span(t.start(), t.end(), answer.substring(t.start(), t.end()))));
            }
        }
        return out;
    }

    private static boolean joinedTech(String first, String second) {
        return !TECH.contains(second) && (TECH.contains(first + second) || TECH.contains(first + "." + second));
    }

    public static boolean isKnownTech(String word) {
        return TECH.contains(word);
    }

    /** "LambdaMART", "NDCG", "BM25", "OpenShift", "PyTorch": written the way products, libraries and methods are named. */
    private static final Pattern NAMED = Pattern.compile("\\p{Lu}[\\p{L}\\d]*[\\p{Lu}\\d][\\p{L}\\d]*");

    /**
     * The word as the name of a technology, trailing punctuation dropped ("LambdaMART," -> "LambdaMART"), or null when
     * it is not written like one (at least three characters, two capitals or a capital and a digit).
     */
    public static String name(String raw) {
        int end = raw.length();
        while (end > 0 && ".,;:".indexOf(raw.charAt(end - 1)) >= 0) {
            end--;
        }
        String word = raw.substring(0, end);
        return word.length() >= 3 && NAMED.matcher(word).matches() ? word : null;
    }

    /** The numbers a text states, lower-cased as written ("n+1" gives "1", "p99" gives "p99"). */
    public static Set<String> numbers(String text) {
        Set<String> out = new HashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(m.group().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** Whether a stretch of text negates what it says, so "const doesn't make it immutable" is not the myth itself. */
    public static boolean negates(String text) {
        return NEGATION.matcher(text).find();
    }

    /**
     * Whether {@code passage} denies the way {@code claim} does: "never" by "never", "cannot" by "cannot", "no" by "no",
     * and "not" by a plain negation. "Stale data doesn't live forever" negates, but not as "a cache can never serve stale
     * data" does; a denial in other words says something else.
     */
    public static boolean deniesAlike(String claim, String passage) {
        boolean any = false;
        for (Pattern family : DENIALS) {
            if (family.matcher(claim).find()) {
                any = true;
                if (family.matcher(passage).find()) {
                    return true;
                }
            }
        }
        return !any && negates(passage);
    }

    private static final List<Pattern> DENIALS = List.of(words("never|no longer|at no point"),
            words("cannot|can'?t|can not|unable to|impossible"), words("no|none|nothing|without|zero"),
            words("not|n'?t|isn'?t|aren'?t|doesn'?t|don'?t|won'?t|didn'?t|wasn'?t"));

    /**
     * Words that reject a claim outright ("that's not true", "a common myth", "people often say"): none is a negation a
     * claim makes of itself, so they reject a claim that denies something too ("people say a tuple can't hold a list,
     * but that's not true").
     */
    private static final String REJECTION = "not true|isn'?t true|not the case|isn'?t the case|myths?|misconceptions?"
            + "|misread\\w*|misinterpret\\w*|(?:that'?s|it'?s|is) backwards|the wrong way (?:round|around)"
            + "|common (?:mistake|belief|assumption|misunderstanding|trap|mix-?up|confusion)|commonly believed"
            // the myth named as what people get wrong: "a mistake I see a lot is ...", "for auth it's the other way round"
            + "|(?:classic|frequent|typical) (?:mistake|error)|mistakes? (?:i|we|people|teams|developers) (?:often |always )?(?:see|make)"
            + "|the other way (?:round|around)|the opposite is true"
            + "|(?:a )?(?:popular|widespread) (?:belief|idea)|people (?:often |usually |sometimes |tend to )?(?:think|believe|assume|say|call)"
            // or as what others expect or get wrong: "some people would expect a central team", "one thing teams get
            // wrong is ..."
            // (not "the opposite of what people expect: ...", which asserts what follows)
            + "|(?<!what )(?:people|someone|somebody|folks) (?:would |might |will |often |usually |sometimes )?(?:expect|suppose)"
            + "|(?:thing|part|mistake)s? (?:\\w+ ){0,2}?get wrong|what (?:\\w+ ){1,2}?get wrong"
            + "|(?:is|are) often (?:said|assumed|thought)|contrary to|that'?s wrong|(?:is|are) wrong|it'?s false|is false"
            // the claim framed as a first guess to be corrected: "it's tempting to say...", "you'd think...", "that's
            // not how it works", "not quite right"
            + "|not how (?:it|this|that|they) works?|tempting to (?:say|think|assume|believe|conclude)"
            + "|(?:you'?d|you would|one would|you might|one might) (?:think|expect|assume)"
            + "|the (?:naive|intuitive) (?:answer|view|assumption|idea|intuition|reading)"
            + "|the (?:usual|typical|standard|default) (?:assumption|belief|expectation|intuition|mental model)"
            // or as the move everyone makes first: "the first instinct is to bump the sleep", "the instinct when you
            // split a monolith is to keep the big suite"
            + "|the (?:first |natural |obvious |usual )?instinct|(?:first|natural|obvious) instinct"
            + "|(?:isn'?t|is not|not) (?:quite|entirely|strictly|actually) (?:right|true|correct|accurate|the case)"
            + "|only half (?:true|right)"
            // or as something that was true once: "that used to be the case before Postgres 11", "no longer true"
            + "|used to be (?:true|the case|right)|no longer (?:true|the case|right|holds?)|(?:is|that'?s) outdated"
            + "|(?:doesn'?t|does not|don'?t|do not) (?:really )?hold(?: up)?";
    private static final Pattern REJECTS = words(REJECTION);
    /** Those and the words that qualify or negate a claim to correct it: "it doesn't", "not always", "rather than". */
    private static final Pattern REFUTATION = words(REJECTION + "|misleading|misunderstanding|too narrow"
            + "|oversimplif\\w*|not always|not necessarily|doesn'?t (?:mean|always|necessarily|guarantee)|it doesn'?t|they don'?t"
            + "|that'?s not|not quite|rather than|a trap|anti-?pattern|bad idea"
            // what a myth says happens by itself, denied: "your own types don't get it for free"
            + "|(?:don'?t|doesn'?t|do not|does not|won'?t|isn'?t|aren'?t|never) (?:[\\w-]+ ){0,3}?(?:for free|automatic(?:ally)?)"
            + "|not (?:for free|automatic(?:ally)?)"
            // the approach judged and found wanting: "a plain error threshold is either too noisy or too slow"
            + "|too (?:noisy|slow|late|coarse|crude|naive|simplistic|fragile|brittle|risky)|(?:is|are)n'?t enough|not enough"
            + "|insufficient|falls? short|doesn'?t work|won'?t work|breaks? down|falls? apart|tempting"
            // the claim's appeal granted and denied in one breath: "running everything everywhere sounds thorough, but"
            + "|sounds? (?:right|thorough|safe|reasonable|logical|intuitive|obvious|sensible|appealing|tempting)"
            + ",? (?:but|until)"
            // "what you must avoid is each request refreshing on its own", "the risk is that stubs drift"
            + "|(?:must|should|want to|need to|have to|to) avoid|the (?:risk|danger|pitfall|trap|catch) (?:is|here is)");

    /**
     * What the candidate does instead of something, when a clause's worth of words follows: "instead of sprinkling
     * DispatchQueue.main.async and hoping" sets the claim aside, "use tuples everywhere instead of lists" makes it.
     */
    private static final Pattern INSTEAD = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])instead of(?:\\s+(?:[^\\s,;:.!?]|\\.(?=\\S))+){3}");

    /**
     * Whether the claim at {@code [start, end)} is named in order to reject it: a refuting phrase in the claim's
     * sentence before or inside it, or right before the sentence ("No. More indexes always make it faster is a myth").
     */
    public static boolean refutes(String text, int start, int end) {
        String around = around(text, start, end);
        return REFUTATION.matcher(around).find() || INSTEAD.matcher(around).find() || turnsBack(text, start, end, TURNS_ON);
    }

    /**
     * Whether the claim at {@code [start, end)} is rejected outright, in the same stretch as {@link #refutes}: the test
     * for a claim that is itself a negation, whose own "doesn't" would otherwise read as its correction.
     */
    public static boolean rejects(String text, int start, int end) {
        return REJECTS.matcher(around(text, start, end)).find() || turnsBack(text, start, end, TURNS_DOWN);
    }

    /** How a sentence that turns back on the one before may open: "But that's not true", "Well, no." */
    private static final String TURN_LEAD = "(?:(?:but|and|well|honestly|actually|so),? )?";
    /** The next sentence dismisses the one before: "..., right? No.", "That's a myth.", "That isn't how it works." */
    private static final Pattern TURNS_DOWN = Pattern.compile("(?i)" + TURN_LEAD + "(?:"
            + "(?:no|nope|wrong|false|untrue|not really|not quite|not at all|not so)\\s*[.!,;:\u2014-]"
            + "|(?:that|this|it|which)(?:'s|\u2019s| is| was| would be)? (?:just |simply |actually |completely |totally )?"
            + "(?:a myth|wrong|false|backwards|a mistake|a misconception|outdated|unnecessary"
            + "|not (?:true|right|correct|accurate|the case|how|needed|necessary|so))(?![\\p{L}\\p{N}]))");
    /**
     * Or denies what it claimed: "It can't.", "That doesn't scale.", "That isn't needed." A claim that is itself a
     * denial is not corrected by another denial, so only {@link #refutes} reads these.
     */
    private static final Pattern TURNS_ON = Pattern.compile(TURNS_DOWN.pattern()
            + "|(?i)" + TURN_LEAD + "(?:that|this|it|which|they) (?:isn'?t|is not|wasn'?t"
            + "|was not|doesn'?t|does not|don'?t|do not|won'?t|will not|can'?t|cannot|aren'?t|are not)(?:"
            + " (?:[\\w-]+ ){0,2}?(?:true|right|correct|the case|needed|necessary|enough|work|scale|hold|help|happen"
            + "|apply|how)(?![\\p{L}\\p{N}])|\\s*[.!;])"
            // or grants it only under a condition: "That's only true if the method is declared in the protocol"
            + "|(?i)(?:that|this|it)(?:'s|\u2019s| is) only (?:true|the case|right|correct) (?:if|when|for|in)\\b");

    /**
     * Whether a sentence that begins after the claim starts, up to the one right after the claim's own, turns back
     * on it ({@code down}: {@link #TURNS_DOWN} or {@link #TURNS_ON}). A holder's next sentence that goes on with a
     * denial of its own ("You don't need to label them") names nothing it dismisses, so it does not match.
     */
    private static boolean turnsBack(String text, int start, int end, Pattern down) {
        int claimEnd = Text.until(text, end, ".!?\n");
        Matcher m = down.matcher(text);
        for (int i = start; i < text.length() && i <= claimEnd; i++) {
            if (".!?\n".indexOf(text.charAt(i)) < 0) {
                continue;
            }
            int next = i + 1;
            while (next < text.length() && (Character.isWhitespace(text.charAt(next))
                    || ".!?\"'\u201d)".indexOf(text.charAt(next)) >= 0)) {
                next++;
            }
            if (next < text.length() && m.region(next, text.length()).lookingAt()) {
                return true;
            }
            i = next - 1;
        }
        return false;
    }

    /** The claim's sentence up to the claim's end, and one short sentence before it. */
    private static String around(String text, int start, int end) {
        int from = start;
        int boundaries = 0;
        // back to the start of the claim's sentence, and one short sentence further ("No." / "That's a myth.")
        while (from > 0 && boundaries < 2) {
            char c = text.charAt(from - 1);
            if (c == '.' || c == '!' || c == '?' || c == '\n') {
                boundaries++;
                if (boundaries == 2 || start - from > 120) {
                    break;
                }
            }
            from--;
        }
        return text.substring(Math.max(0, from), Text.until(text, end, ".!?\n"));
    }

    private static void add(List<Match> out, Kind kind, Pattern p, String answer) {
        Matcher m = p.matcher(answer);
        while (m.find()) {
            out.add(new Match(kind, new Text.Span(m.start(), m.end(), m.group())));
        }
    }
}
