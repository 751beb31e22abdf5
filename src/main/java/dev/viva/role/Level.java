package dev.viva.role;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Seniority a candidate is interviewed at. Serialised lower-case ("junior", "mid", "senior"). */
public enum Level {
    JUNIOR, MID, SENIOR;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "junior", "MID", ...; throws {@link IllegalArgumentException} naming the accepted values. */
    @JsonCreator
    public static Level parse(String value) {
        return EnumIds.parse(values(), Level::id, "level", value);
    }
}
