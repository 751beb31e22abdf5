package dev.viva.platform.error;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Instants sent by clients, parsed and bounded to the years 1 to 9999: beyond them Java's epoch arithmetic overflows
 * and PostgreSQL's timestamps end, and no interview or delivery lies there.
 */
public final class Instants {

    public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Instants() {
    }

    /** An ISO-8601 instant ({@code 2026-11-22T10:00:00Z}) or, when {@code dateAllowed}, a date (its start, UTC). */
    public static Instant parse(String field, String value, boolean dateAllowed) {
        String v = value.strip();
        Instant parsed;
        try {
            parsed = Instant.parse(v);
        } catch (DateTimeParseException e) {
            if (!dateAllowed) {
                throw ApiProblem.badRequest(field, field + " is not an ISO-8601 instant (e.g. 2026-11-22T10:00:00Z): "
                        + TextRules.controlCharacterProblem(value).map(p -> "it " + p).orElse(value));
            }
            try {
                parsed = LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException | ArithmeticException e2) {
                throw ApiProblem.badRequest(field, field + " '" + (TextRules.firstControl(value) < 0 ? value : "?")
                        + "' is not a date (2026-11-22) or an instant (2026-11-22T10:00:00Z)");
            }
        }
        if (parsed.isBefore(MIN) || parsed.isAfter(MAX)) {
            throw ApiProblem.badRequest(field, field + " must be between 0001-01-01T00:00:00Z and "
                    + "9999-12-31T23:59:59Z, was " + v);
        }
        return parsed;
    }
}
