package dev.viva.assessment.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How a report says things in plain language: a key point or criterion as something the candidate did or did not
 * do, a question as a short topic, counts and names as people write them. Pure functions, tested on their own.
 */
public final class Phrases {

    private Phrases() {
    }

    /** Words that start a key point written as what the answer does ("uses an algorithm such as token bucket"). */
    private static final Set<String> VERBS = Set.of("describes", "names", "mentions", "explains", "states", "reflects",
            "gives", "uses", "identifies", "considers", "estimates", "serves", "partitions", "records", "keys", "checks",
            "passes", "generates", "returns", "asks", "shows", "discusses", "compares", "measures", "handles", "avoids",
            "validates", "stores", "chooses", "defines", "proposes", "provides", "suggests", "admits", "takes", "owns",
            "acknowledges", "quantifies", "weighs", "includes", "distinguishes", "notes", "sets", "adds", "applies",
            "relates", "connects", "expresses", "clarifies", "covers", "justifies", "separates", "writes", "runs",
            "monitors", "tests", "plans", "prioritises", "prioritizes", "communicates", "involves", "escalates",
            "listens", "recognises", "recognizes", "accepts", "offers", "makes", "keeps", "limits", "caches",
            "indexes", "scales", "retries", "falls", "fails", "locks", "profiles", "alerts", "rolls", "deploys");

    private static final Set<String> DETERMINERS = Set.of("a", "an", "the", "their", "its", "his", "her", "what", "how",
            "why", "whether", "that", "it", "them", "to", "with", "on", "in", "by", "for", "from", "at", "when", "who",
            "which", "one", "both", "each", "every", "some", "any", "multiple", "several");

    private static String strip(String keyPoint) {
        String s = keyPoint.strip().replaceAll("[.;]+$", "");
        return s.replaceFirst("(?i)^(or|and|also)\\s+", "");
    }

    /** "or row locking with SELECT ... FOR UPDATE": another way of making the point before it. */
    public static boolean isAlternative(String keyPoint) {
        return alternative(keyPoint);
    }

    private static boolean alternative(String keyPoint) {
        return keyPoint.strip().toLowerCase(Locale.ROOT).matches("^(or|and)\\s.*");
    }

    /** "uses an algorithm..." (what the answer does) rather than "indexes slow down writes" (a fact). */
    static boolean verbPhrase(String keyPoint) {
        String[] w = strip(keyPoint).split("\\s+");
        String first = w[0].toLowerCase(Locale.ROOT);
        if (VERBS.contains(first) && !(w.length > 1 && Set.of("are", "is", "can", "must", "should", "slow", "make",
                "use", "help", "need").contains(w[1].toLowerCase(Locale.ROOT)))) {
            return true;
        }
        return first.endsWith("s") && !first.endsWith("ss") && w.length > 1
                && DETERMINERS.contains(w[1].toLowerCase(Locale.ROOT));
    }

    /** "describes" -> "describe", "identifies" -> "identify", "passes" -> "pass". */
    static String base(String verb) {
        String v = verb.toLowerCase(Locale.ROOT);
        if (v.endsWith("ies") && v.length() > 4) {
            return v.substring(0, v.length() - 3) + "y";
        }
        if (v.matches(".*(ss|sh|ch|x|z)es$")) {
            return v.substring(0, v.length() - 2);
        }
        return v.endsWith("s") ? v.substring(0, v.length() - 1) : v;
    }

    /** "store files in object storage": advice, with its verb in the base form. */
    static boolean imperative(String keyPoint) {
        String[] w = strip(keyPoint).split("\\s+");
        String first = w[0];
        if (w.length > 1 && Set.of("is", "are", "was", "were", "can", "must", "should", "may", "will", "lets", "makes",
                "helps", "needs", "means", "matters", "and", "or").contains(w[1].toLowerCase(Locale.ROOT))) {
            return false;
        }
        return !first.isEmpty() && Character.isLowerCase(first.charAt(0))
                && (VERBS.contains(first + "s") || VERBS.contains(first + "es") || IMPERATIVES.contains(first));
    }

    private static final Set<String> IMPERATIVES = Set.of("store", "validate", "resize", "use", "keep", "return",
            "avoid", "add", "check", "cache", "index", "prefer", "measure", "test", "log", "retry", "split", "run",
            "put", "set", "limit", "lock", "hash", "encrypt", "paginate", "batch", "queue", "monitor", "profile");

    /** What the candidate did, after their name: "explains that X", "uses Y", "mentions Z". */
    public static String did(String keyPoint) {
        String s = strip(keyPoint);
        if (imperative(keyPoint)) {
            return "says to " + s;
        }
        if (verbPhrase(keyPoint)) {
            return s;
        }
        return alternative(keyPoint) ? "mentions " + s : "explains that " + s;
    }

    /** What the candidate did not do, after their name: "does not say that X", "does not use Y". */
    public static String didNot(String keyPoint) {
        String s = strip(keyPoint);
        if (imperative(keyPoint)) {
            return "does not say to " + s;
        }
        if (verbPhrase(keyPoint)) {
            int space = s.indexOf(' ');
            return "does not " + base(space < 0 ? s : s.substring(0, space)) + (space < 0 ? "" : s.substring(space));
        }
        return alternative(keyPoint) ? "does not mention " + s : "does not say that " + s;
    }

    /** Several things someone did, with "explains that A and that B" rather than "explains that A and explains...". */
    public static String joinDid(List<String> phrases) {
        List<String> merged = new java.util.ArrayList<>();
        for (String p : phrases) {
            if (!merged.isEmpty() && p.startsWith("explains that ") && merged.getLast().startsWith("explains that ")) {
                merged.add(p.substring("explains ".length()));
            } else if (!merged.isEmpty() && p.startsWith("does not say that ")
                    && merged.getLast().startsWith("does not say that ")) {
                merged.add(p.substring("does not say ".length()));
            } else {
                merged.add(p);
            }
        }
        if (merged.size() == 2 && (merged.get(1).startsWith("that ") || merged.get(0).contains(" that "))) {
            // "explains that X, and returns Y": the comma keeps Y from reading as part of X
            return merged.get(0) + ", and " + merged.get(1);
        }
        return join(merged);
    }

    /** "a", "a and b", "a, b and c". */
    public static String join(List<String> parts) {
        return parts.size() <= 1 ? String.join("", parts)
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }

    private static final String[] NUMBERS = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve"};

    /** Counts as prose writes them: "two", "eleven", "14". */
    public static String number(long n) {
        return n >= 0 && n < NUMBERS.length ? NUMBERS[(int) n] : Long.toString(n);
    }

    /** "Alex" for "Alex Morgan", "Amanda" for "Dr. Amanda Foster", "The candidate" without a name. */
    public static String firstName(String name) {
        if (name == null || name.isBlank()) {
            return "The candidate";
        }
        for (String w : name.strip().split("\\s+")) {
            if (!w.matches("(?i)(dr|mr|mrs|ms|mx|prof|sir)\\.?") && w.chars().anyMatch(Character::isLetter)) {
                return w;
            }
        }
        return name.strip();
    }

    /** A length people read: "under a minute", "26 minutes", "1 hour 5 minutes". */
    public static String duration(double minutes) {
        long m = Math.round(minutes);
        if (minutes < 1) {
            return "under a minute";
        }
        if (m < 60) {
            return m + (m == 1 ? " minute" : " minutes");
        }
        long h = m / 60;
        long rest = m % 60;
        return h + (h == 1 ? " hour" : " hours") + (rest == 0 ? "" : " " + rest + (rest == 1 ? " minute" : " minutes"));
    }

    /** "Wednesday 2 December 2026, 14:30 UTC": a date for people, not an ISO instant. */
    public static String date(java.time.Instant instant) {
        return instant == null ? "" : java.time.format.DateTimeFormatter
                .ofPattern("EEEE d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
                .withZone(java.time.ZoneOffset.UTC).format(instant);
    }

    /** Lower-cases the first letter of a phrase unless it starts an acronym or a name ("ML", "Systems Knowledge"). */
    public static String lowerFirst(String s) {
        if (s == null || s.length() < 2 || Character.isUpperCase(s.charAt(1)) || Character.isDigit(s.charAt(0))) {
            return s;
        }
        String[] w = s.split("\\s+");
        if (w.length > 1 && !w[1].isEmpty() && Character.isUpperCase(w[1].charAt(0))) {
            return s;
        }
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }

    public static String upperFirst(String s) {
        return s == null || s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static final Pattern STORY = Pattern.compile(
            "(?i)(?:tell me about|describe|walk me through) (a time (?:when )?)?(.+?)[.?!]?$");
    private static final Pattern HOW = Pattern.compile(
            "(?i)how (?:would|do|did|could|should) you (\\w+) (.+?)[.?!]?$");
    private static final Pattern WORK = Pattern.compile("(?i)how (?:do|does) (.+?) work\\b.*");
    private static final Set<String> PRONOUNS = Set.of("it", "that", "this", "them", "those", "these", "so");

    /**
     * A short topic for a question, as a report refers to an answer ("preventing overselling", "a technical decision
     * they later regretted", "how database indexes work"); empty when the question does not give one plainly.
     */
    public static Optional<String> topic(String asking) {
        String q = asking.strip();
        int lastSentence = Math.max(q.lastIndexOf(". ", q.length() - 2), q.lastIndexOf("? ", q.length() - 2));
        String first = q;
        // the asking sentence of "Two requests ... moment. How do you prevent overselling?" is the last one
        Matcher m = HOW.matcher(lastSentence > 0 ? q.substring(lastSentence + 2) : q);
        if (m.matches() && !PRONOUNS.contains(m.group(2).split("\\s+")[0].toLowerCase(Locale.ROOT))) {
            return Optional.of(shorten(gerund(m.group(1)) + " " + m.group(2)));
        }
        m = WORK.matcher(first);
        if (m.matches()) {
            return Optional.of(shorten("how " + m.group(1) + " work"));
        }
        String sentence = first.split("(?<=[.?!])\\s+")[0];
        m = STORY.matcher(sentence);
        if (m.matches()) {
            String t = (m.group(1) == null ? "" : "the time ") + m.group(2).replaceAll("\\byou\\b", "they").replaceAll("\\byour\\b", "their")
                    .replaceAll("\\byourself\\b", "themselves");
            return Optional.of(shorten(t));
        }
        return Optional.empty();
    }

    private static String gerund(String verb) {
        String v = verb.toLowerCase(Locale.ROOT);
        if (v.endsWith("e") && !v.endsWith("ee")) {
            return v.substring(0, v.length() - 1) + "ing";
        }
        return v + "ing";
    }

    /** At most ten words, cut before a trailing clause where possible. */
    private static String shorten(String topic) {
        String t = topic.replaceAll("\\s+", " ").strip();
        String[] cut = t.split("(?i),|\\s(?:and what|and how|and why|so that|that runs|that handles|with an example)\\s");
        t = cut[0].strip();
        String[] w = t.split(" ");
        return w.length <= 12 ? t : String.join(" ", java.util.Arrays.copyOf(w, 12)) + "...";
    }
}
