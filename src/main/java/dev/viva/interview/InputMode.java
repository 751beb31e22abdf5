package dev.viva.interview;

/** How the candidate gave an answer. */
public enum InputMode {
    VOICE, TEXT
}
