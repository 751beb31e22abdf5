package dev.viva.role;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** The interview plan's phases, in the order an interview walks through them (seed 002). */
public enum Phase {
    INTRODUCTION, FOUNDATION, INTERMEDIATE, SYSTEM_DESIGN, SOFT_SKILLS, WRAP_UP;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    @JsonCreator
    public static Phase parse(String value) {
        return EnumIds.parse(values(), Phase::id, "phase", value);
    }
}
