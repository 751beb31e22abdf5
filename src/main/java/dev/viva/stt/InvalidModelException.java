package dev.viva.stt;

/** A model file that must not be handed to whisper.cpp; the message says what is wrong with it. */
public final class InvalidModelException extends Exception {

    public InvalidModelException(String message) {
        super(message);
    }
}
