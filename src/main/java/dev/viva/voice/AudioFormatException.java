package dev.viva.voice;

/** Audio a client sent (or declared) that the server cannot use; the message is meant for the client as it is. */
public final class AudioFormatException extends RuntimeException {

    public AudioFormatException(String message) {
        super(message);
    }
}
