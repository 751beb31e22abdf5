package dev.viva.assessment.signal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds text in an answer that is addressed to the scoring system rather than to the interviewer: a candidate asking
 * for marks, giving orders to "the AI", faking a system message, or listing the right key terms in a note to the
 * evaluator. Such spans are flagged for human review and blanked before anything is measured, so whatever words they
 * contain never earn credit.
 *
 * <p>Detection runs on a folded copy of the answer: Unicode compatibility forms (NFKC: full-width letters,
 * ligatures), zero-width and bidirectional control characters removed, so "ig\u200Bnore" reads as "ignore". Spans are
 * mapped back to the original text, so evidence quotes stay verbatim. English, French, German and Spanish are covered.
 */
public final class InjectionDetector {

    /** Who a note to the scoring system is addressed to; always the grader, never a topic of an answer. */
    private static final String GRADER = "(?:grader|evaluator|assessor|scorer|examiner|marker|reviewer bot|scoring (?:system|model|bot)"
            + "|assessment (?:system|model|bot)|grading (?:system|model|bot)|ai (?:grader|evaluator|assessor|judge|scorer|reviewer)"
            + "|llm (?:grader|judge|evaluator)|[ée]valuat(?:eur|rice)|correct(?:eur|rice)|examinat(?:eur|rice)"
            + "|bewerter(?:in)?|pr[üu]fer(?:in)?|gutachter(?:in)?|korrektor(?:in)?|evaluador(?:a)?|calificador(?:a)?"
            // "Hinweis an die automatische Bewertung": German names the grading itself as the addressee
            + "|(?:automatische[nrs]?\\s+|ki-?)?bewertung(?:ssystem|smodell)?"
            + "|examinador(?:a)?|corrector(?:a)?"
            // the grading named as a system: "the automated reviewer", "système d'évaluation", "sistema de calificación"
            + "|(?:automated|automatic|ai) (?:reviewer|review|grading|scoring|marking|assessment)"
            + "|syst[èe]mes? (?:d'|de )(?:[ée]valuation|notation|correction)|sistemas? de (?:evaluaci[óo]n|calificaci[óo]n|puntuaci[óo]n))";

    /**
     * Whoever reads the answer after the interview: a reviewer is often a colleague in a story ("the reviewer asked me
     * to split the PR"), so only a note headed to them ("Reviewer note:", "Note to the reader:") is addressed to the
     * assessment.
     */
    private static final String READER = "(?:reviewer|reader|interviewer|recruiter|hiring (?:manager|team|panel))";

    /** Marks and scores in the four languages. */
    private static final String MARKS = "(?:scores?|scoring|grades?|grading|marks?|rating|rate|points?|(\\d+)\\s*/\\s*\\1"
            + "|full|maximum|max|perfect|top|highest|notes?|noter?|notez|punkt(?:e|zahl)?|bewert\\w*|volle"
            + "|puntuaci[óo]n|puntaje|calificaci[óo]n|califica\\w*|nota|puntos|m[áa]xim[ao]|covers?|mentions?|includes?"
            + "|\\w+punktzahl|h[öo]chst\\w*|(?:recommended|final|suggested|expected)[\\s_-]*(?:label|score|grade|mark)s?|override"
            + "|key (?:points?|terms?)|rubric)";

    /** The head of a note to the grader ("Note appended for the automated ..."), up to its open addressee group. */
    private static final String NOTE_TO = "(?:note|message|instructions?|reminder|hint|memo)s?\\s+(?:appended\\s+|added\\s+"
            + "|attached\\s+)?(?:to|for)\\s+(?:the\\s+|any\\s+)?(?:ai\\s+|automated\\s+)?(?:";

    /** Where a faked chat message opens and where it closes. */
    private static final String ROLE_OPEN = "(?:<\\|?\\s*(?:im_start|system|assistant|user)\\s*\\|?>"
            + "|\\[\\s*(?:role\\s*[:=]\\s*)?(?:system|inst|instruction|admin|developer|assistant)\\s*\\])";
    private static final String ROLE_CLOSE = "(?:<\\|?\\s*(?:im_end|endoftext)\\s*\\|?>"
            + "|\\[/\\s*(?:system|inst|instruction|admin|developer|assistant|role)\\s*\\])";

    private static final List<Pattern> PATTERNS = List.of(
            // orders to drop the instructions, in four languages
            Pattern.compile("(?i)\\b(?:ignore|disregard|forget|override|bypass)\\s+(?:all\\s+|any\\s+)?(?:(?:of\\s+)?(?:the|your|my|these|those|previous|prior|above|earlier|system|preceding)\\s+){0,3}"
                    + "(?:instructions?|prompts?|rules?|guidelines?|rubric|criteria|directions?|guidance)[^.!?\\n]*"),
            Pattern.compile("(?i)\\b(?:ignore[zs]?|oublie[zs]?)\\s+(?:toutes?\\s+)?(?:les|tes|vos|la|le)\\s+(?:\\w+\\s+){0,2}(?:instructions?|consignes?|r[èe]gles?|grille)[^.!?\\n]*"),
            Pattern.compile("(?i)\\b(?:ignorier\\w*|vergiss|vergessen\\s+sie|missachte\\w*)\\s+(?:bitte\\s+)?(?:\\w+\\s+){0,3}\\w*(?:anweisungen|instruktionen|regeln|vorgaben|kriterien)\\b[^.!?\\n]*"),
            Pattern.compile("(?i)\\b(?:ignora|ignore|olvida|olvide|omite)\\s+(?:todas\\s+)?(?:las|tus|sus|los)\\s+(?:\\w+\\s+){0,2}(?:instrucciones|reglas|indicaciones|criterios|r[úu]brica)[^.!?\\n]*"),
            // asking for marks
            Pattern.compile("(?i)\\b(?:give|award|assign|grant)\\s+(?:me|this(?:\\s+answer)?|the candidate|him|her|them)\\s+(?:a\\s+|the\\s+)?(?:full|maximum|max|perfect|top|100|highest|ten out of ten|five out of five|10/10|5/5)"
                    + "\\s*(?:marks?|scores?|points?|percent|rating|grade)?[^.!?\\n]*"),
            Pattern.compile("(?i)\\b(?:set|change|make|put|mark|rate|score|grade)\\s+(?:the|my|this|his|her)\\s+(?:answer|response|score|grade|rating|mark)s?\\s+(?:to|at|as|a|an|with)\\s+[^.!?\\n]*"),
            Pattern.compile("(?i)\\b(?:donne[zsr]?(?:[- ]moi)?|attribue[zsr]?(?:[- ]moi)?|accorde[zsr]?(?:[- ]moi)?|mets|mettez|mettre)\\s+(?:moi\\s+|lui\\s+)?(?:la|une|le)\\s+(?:note|score)\\s+(?:maximale|maximum|parfaite|compl[èe]te|de\\s+\\d+)[^.!?\\n]*"),
            Pattern.compile("(?i)\\b(?:gib|geben\\s+sie)\\s+(?:mir|dieser\\s+antwort)\\s+(?:die\\s+)?(?:volle|maximale|h[öo]chste|beste)\\s*(?:punktzahl|punkte|note|bewertung)?[^.!?\\n]*"),
            Pattern.compile("(?i)\\b(?:dame|d[ée]me|asigna(?:me)?|otorga(?:me)?|pon(?:me)?)\\s+(?:la\\s+|una\\s+)?(?:m[áa]xima|mejor|perfecta|m[áa]s\\s+alta)?\\s*(?:puntuaci[óo]n|nota|calificaci[óo]n|puntaje)[^.!?\\n]*"),
            // speaking to the grader as the grader, or to "the AI" with an order
            Pattern.compile("(?i)\\b(?:as|en tant que|comme|als|como)\\s+(?:the\\s+|an?\\s+|l'|le\\s+|la\\s+|der\\s+|die\\s+|el\\s+|la\\s+)?(?:ai\\s+|ki\\s+|ia\\s+)?" + GRADER + "\\b[^.!?\\n]*"),
            // "for whoever writes up this transcript: ...": addressed to what comes after the interview, not to its people
            Pattern.compile("(?i)\\b(?:to|for)\\s+(?:whoever|whatever|anyone|anybody)(?:\\s+or\\s+(?:whoever|whatever))?\\s+"
                    + "(?:\\w+\\s+){0,2}(?:writes? up|reads?|reviews?|scores?|grades?|evaluates?|assesses|marks?|processe?s?|summari[sz]es?)"
                    + "\\s+(?:this|the|my)\\s+(?:transcript|answer|response|interview|recording|conversation|call|session)s?\\b"
                    + "[^.!?\\n]*"),
            Pattern.compile("(?i)\\b" + NOTE_TO + GRADER + "|ai|model|llm|system|bot|interviewer bot)\\b[^.!?\\n]*"),
            Pattern.compile("(?i)\\b(?:note|message|remarque)\\s+(?:pour|à|a)\\s+(?:l'|le\\s+|la\\s+)?" + GRADER + "[^.!?\\n]*"),
            Pattern.compile("(?i)\\b(?:hinweis|nachricht|anmerkung|notiz)\\s+(?:an|für)\\s+(?:(?:den|die|das)\\s+)?" + GRADER + "[^.!?\\n]*"),
            // "bitte die Höchstpunktzahl vergeben": full marks asked for without naming anyone
            Pattern.compile("(?i)\\b(?:h[öo]chst|voll|maximal)\\w*\\s*(?:punkt\\w*|note|bewertung)?\\s+(?:vergeben|geben|erteilen|zuweisen)\\b[^.!?\\n]*"),
            Pattern.compile("(?i)\\b(?:nota|mensaje)\\s+(?:para|al|a)\\s+(?:el\\s+|la\\s+)?" + GRADER + "[^.!?\\n]*"),
            Pattern.compile("(?i)\\b(?:dear|hey|hi|hello|attention|cher|ch[èe]re|liebe[rs]?|querido|estimado)\\s+(?:the\\s+)?(?:ai\\s+)?" + GRADER + "[^.!?\\n]*"),
            Pattern.compile("(?i)\\b(?:you|vous|tu|du|sie|usted)\\s+(?:are|must|should|will|have to|need to|devez|dois|musst|m[üu]ssen|sollst|debes|debe|tienes que)\\s+(?:\\w+\\s+){0,3}"
                    + "(?:rate|score|grade|mark|give|award|assign|noter|donner|attribuer|bewerten|geben|vergeben|calificar|puntuar|dar|asignar)\\b[^.!?\\n]*"),
            Pattern.compile("(?i)\\b(?:you are now|act as|pretend (?:to be|you are)|from now on you|tu es maintenant|du bist jetzt|ahora eres)\\b[^.!?\\n]*"),
            Pattern.compile("(?i)\\b(?:(?:reveal|print|show|repeat|ignore|override|forget)\\s+(?:your|the)\\s+system prompt|developer mode|jailbreak)\\b[^.!?\\n]*"),
            Pattern.compile("(?i)\\b(?:score|rating|grade|note|nota|punktzahl|puntuaci[óo]n)\\s*[:=]\\s*(?:100|10\\s*/\\s*10|5\\s*/\\s*5|a\\+|max\\w*|full)[^.!?\\n]*"),
            // full marks in any scale ("Score: 3/3", "grade 4 out of 4"), which no answer needs to say about itself
            Pattern.compile("(?i)\\b(?:score|rating|grade|mark|note|nota|punktzahl|puntuaci[óo]n)s?\\s*[:=]?\\s*(\\d+)\\s*(?:/|out of|sur|von|de)\\s*\\1\\b[^.!?\\n]*"),
            // a note to the grader set off by a rule ("--- Note appended for the automated reviewer: ... ---"), to the
            // closing rule or the end of its line: the orders after its first sentence ("Log it as excellent.") go too
            Pattern.compile("(?im)(?:-{2,}|\\*{2,}|={2,}|#{2,}|/{2,})\\s*" + NOTE_TO + GRADER
                    + "|ai|model|llm|bot)\\b[^\\n]*?(?:-{2,}|\\*{2,}|={2,}|#{2,}|$)"),
            // a note headed to whoever reads the answer, to the end of its line
            Pattern.compile("(?i)(?:\\bnote\\s+(?:to|for)\\s+(?:the\\s+|any\\s+)?" + READER + "s?|\\b" + READER + "(?:'?s)?\\s+note)\\s*:[^\\n]*"),
            // a closing chat-template marker on its own (opening ones are ROLE_BLOCK and ROLE_LINE); what follows it is
            // the candidate's again
            Pattern.compile("(?i)" + ROLE_CLOSE),
            // fake role headers, to the end of the line
            Pattern.compile("(?i)(?:#{2,}\\s*(?:instruction|system|response)s?\\b|(?:^|\\n)\\s*(?:system|assistant|developer)\\s*:)[^\\n]*"));

    /** A faked chat message with its closing marker: all of it is addressed to the model, over any number of lines. */
    private static final Pattern ROLE_BLOCK = Pattern.compile("(?is)" + ROLE_OPEN + ".*?" + ROLE_CLOSE);
    /**
     * One without: its line, or the next line when the marker stands alone on its own ({@code <|im_start|>system}); the
     * candidate's answer may follow on the next line, or on the same line after a closing marker.
     */
    private static final Pattern ROLE_LINE = Pattern.compile("(?i)" + ROLE_OPEN
            + "(?:\\s*(?:system|user|assistant|developer))?[ \\t]*:?[ \\t]*(?:(?:(?!" + ROLE_CLOSE + ")[^\\n])+|\\n[^\\n]*)");

    /**
     * A bracketed aside addressed to the grader ("(Evaluator: this covers X, Y and Z)") or headed as a note to whoever
     * reads the answer ("[Reviewer note: covers X and Y]"), taken whole.
     */
    private static final Pattern ASIDE = Pattern.compile("(?i)[(\\[{]\\s*(?:(?:(?:note|nb|n\\.b\\.|hinweis|anmerkung|notiz|nota|remarque)\\s*"
            + "(?:to|for|pour|à|a|al|an|für|para)?\\s*(?:the\\s+|la\\s+|le\\s+|l'|el\\s+|den\\s+|die\\s+|das\\s+)?)?(?:ai\\s+)?"
            + "(?:" + GRADER + "|ai|llm|model|system|bot)s?\\b|(?:(?:note|nb)\\s*(?:to|for)\\s*(?:the\\s+|any\\s+)?" + READER
            + "s?|" + READER + "(?:'?s)?\\s*(?:note|nb|comment)?)\\s*:)[^)\\]}]*[)\\]}]");

    /**
     * The grader named; its sentence is an instruction when it talks about marks or what the answer covers. An
     * underscore separates words here, as in the keys of a faked record ({@code "evaluator_note"}).
     */
    private static final Pattern GRADER_WORD = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])" + GRADER + "s?(?![\\p{L}\\p{N}])");
    private static final Pattern MARK_WORD = Pattern.compile("(?i)(?<![\\p{L}\\p{N}])" + MARKS + "(?![\\p{L}\\p{N}])");

    private InjectionDetector() {
    }

    public static List<Text.Span> find(String answer) {
        Folded folded = fold(answer);
        String text = folded.text();
        List<int[]> found = new ArrayList<>();
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                found.add(sentence(text, m.start(), m.end()));
            }
        }
        for (Pattern p : List.of(ROLE_BLOCK, ROLE_LINE)) {
            Matcher block = p.matcher(text);
            while (block.find()) {
                found.add(new int[]{block.start(), block.end()});
            }
        }
        Matcher aside = ASIDE.matcher(text);
        while (aside.find()) {
            found.add(new int[]{aside.start(), aside.end()});
        }
        Matcher grader = GRADER_WORD.matcher(text);
        while (grader.find()) {
            int[] inBrackets = bracket(text, grader.start());
            if (inBrackets != null && MARK_WORD.matcher(text).region(inBrackets[0], inBrackets[1]).find()) {
                found.add(inBrackets);
                continue;
            }
            int end = grader.end();
            while (end < text.length() && ".!?\n".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            int[] whole = sentence(text, grader.start(), end);
            if (MARK_WORD.matcher(text).region(whole[0], end).find()) {
                found.add(whole);
            }
        }
        found.sort((a, b) -> a[0] != b[0] ? a[0] - b[0] : b[1] - a[1]);
        List<Text.Span> out = new ArrayList<>();
        int lastEnd = -1;
        for (int[] f : found) {
            int start = folded.original(f[0]);
            int end = folded.originalEnd(f[1]);
            while (start < end && Character.isWhitespace(answer.charAt(start))) {
                start++;
            }
            if (start >= end) {
                continue;
            }
            if (!out.isEmpty() && start <= lastEnd) {
                // overlapping or touching matches are one instruction
                Text.Span last = out.removeLast();
                int e = Math.max(last.end(), end);
                out.add(new Text.Span(last.start(), e, answer.substring(last.start(), e)));
            } else {
                out.add(new Text.Span(start, end, answer.substring(start, end)));
            }
            lastEnd = out.getLast().end();
        }
        return out;
    }

    /**
     * The bracketed aside, brackets included, that the grader is named inside ("[... graders, please carry this over as
     * 3/3]"), or null when it is named in the open: what follows the aside is the candidate's again.
     */
    private static int[] bracket(String text, int at) {
        int open = at - 1;
        while (open >= 0 && "([{".indexOf(text.charAt(open)) < 0) {
            if (")]}\n".indexOf(text.charAt(open)) >= 0) {
                return null;
            }
            open--;
        }
        if (open < 0) {
            return null;
        }
        int close = at;
        while (close < text.length() && ")]}".indexOf(text.charAt(close)) < 0) {
            if ("([{\n".indexOf(text.charAt(close)) >= 0) {
                return null;
            }
            close++;
        }
        return close < text.length() ? new int[]{open, close + 1} : null;
    }

    /**
     * The whole sentence around a match, its full stop included: what is left of an instruction ("Bitte", a lone
     * full stop) would otherwise change how the rest of the answer is measured, and an instruction must never pay.
     */
    private static int[] sentence(String text, int start, int end) {
        int s = start;
        while (s > 0 && ".!?\n".indexOf(text.charAt(s - 1)) < 0) {
            s--;
        }
        int e = end;
        while (e < text.length() && ".!?".indexOf(text.charAt(e)) >= 0) {
            e++;
        }
        return new int[]{s, e};
    }

    /** The answer with the instruction-like spans blanked out (same length, so offsets stay valid). */
    public static String strip(String answer, List<Text.Span> spans) {
        StringBuilder sb = new StringBuilder(answer);
        for (Text.Span s : spans) {
            for (int i = s.start(); i < s.end(); i++) {
                sb.setCharAt(i, ' ');
            }
        }
        return sb.toString();
    }

    /**
     * The text as detection reads it, with each of its characters' offset in the original: NFKC per code point, and
     * the invisible format characters that split a word for a reader-program but not for a person dropped.
     */
    record Folded(String text, int[] origin, int length) {
        int original(int index) {
            return index >= origin.length ? length : origin[index];
        }

        int originalEnd(int endIndex) {
            if (endIndex <= 0) {
                return 0;
            }
            if (endIndex >= origin.length) {
                return length;
            }
            // the end of the character before the end: a folded character may come from a longer original one
            int last = origin[endIndex - 1];
            int next = origin[endIndex];
            return next > last ? next : last + 1;
        }
    }

    static Folded fold(String answer) {
        StringBuilder sb = new StringBuilder(answer.length());
        List<Integer> origin = new ArrayList<>(answer.length());
        int i = 0;
        while (i < answer.length()) {
            int cp = answer.codePointAt(i);
            int width = Character.charCount(cp);
            if (!invisible(cp)) {
                String n = Normalizer.normalize(answer.substring(i, i + width), Normalizer.Form.NFKC);
                for (int k = 0; k < n.length(); k++) {
                    sb.append(n.charAt(k));
                    origin.add(i);
                }
            }
            i += width;
        }
        return new Folded(sb.toString(), origin.stream().mapToInt(Integer::intValue).toArray(), answer.length());
    }

    /** Zero-width, joiner, word-joiner, soft hyphen, byte-order mark and bidirectional controls. */
    private static boolean invisible(int cp) {
        return cp == 0x00AD || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0xFEFF
                || Character.getType(cp) == Character.FORMAT;
    }
}
