package dev.viva.role;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * How an answer should be structured: technical answers are judged on content, behavioural ones also on
 * situation/task/action/result structure, conversational ones (introductions, wrap-up) are not scored on a rubric.
 */
public enum QuestionKind {
    TECHNICAL, BEHAVIOURAL, CONVERSATIONAL;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static QuestionKind parse(String value) {
        return EnumIds.parse(values(), QuestionKind::id, "kind", value);
    }
}
