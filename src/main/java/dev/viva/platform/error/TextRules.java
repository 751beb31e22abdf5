package dev.viva.platform.error;

import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for text that people send, on REST and on the candidate socket alike: no NUL or other control
 * characters (tab, line feed and carriage return are text), and, where a field has one, a length limit. PostgreSQL
 * refuses NUL in text, and the other control characters are never part of what a candidate or recruiter writes.
 */
public final class TextRules {

    private TextRules() {
    }

    /** Index of the first control character other than tab, LF and CR (C0, DEL and C1), or -1. */
    public static int firstControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return i;
            }
        }
        return -1;
    }

    /** What is wrong with {@code value} as free text, if anything. */
    public static Optional<String> controlCharacterProblem(String value) {
        int at = value == null ? -1 : firstControl(value);
        if (at < 0) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "contains a control character (U+%04X) at position %d; remove "
                + "it (tabs and line breaks are allowed)", (int) value.charAt(at), at));
    }

    /** What is wrong with {@code value} as free text of at most {@code maxLength} characters, if anything. */
    public static Optional<String> problem(String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            return Optional.of("is " + value.length() + " characters long; at most " + maxLength + " are accepted");
        }
        return controlCharacterProblem(value);
    }

    /** Refuses {@code value} with a 400 naming {@code field} when it breaks the rules. */
    public static void require(String field, String value, int maxLength) {
        problem(value, maxLength).ifPresent(p -> {
            throw ApiProblem.badRequest(field, field + " " + p);
        });
    }
}
