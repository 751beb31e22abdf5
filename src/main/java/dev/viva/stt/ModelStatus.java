package dev.viva.stt;

import java.nio.file.Path;

/** Whether a usable Whisper model is there. */
public sealed interface ModelStatus {

    /** Start-up is still locating, downloading or loading the model. */
    record Preparing(String activity) implements ModelStatus {
    }

    /** The model is loaded and recognising speech. */
    record Ready(Path file, GgmlModelValidator.ModelInfo info) implements ModelStatus {
    }

    /** No usable model; {@code reason} says why and what to do. Candidates are asked to type. */
    record Unavailable(String reason) implements ModelStatus {
    }
}
