package dev.viva.stt;

import java.util.concurrent.CompletionStage;

/** Speech to text for 16 kHz mono audio. Implementations never block the calling thread. */
public interface SpeechRecognizer {

    /** How urgent a transcription is. */
    enum Priority {
        /** End of the candidate's turn: queued (up to the queue capacity) and always answered. */
        FINAL,
        /**
         * The answer so far, when a pause suggests it may be over: only run on an idle worker, otherwise refused as
         * BUSY at once (the final transcription then runs as usual).
         */
        SPECULATIVE,
        /**
         * A caption of an answer in progress: only run while another worker stays idle for final transcriptions,
         * because a caption cannot be interrupted once started; otherwise refused as BUSY at once.
         */
        PARTIAL
    }

    /** Whether speech can be recognised now; when not, candidates should be asked to type. */
    boolean isAvailable();

    /**
     * Transcribes 16 kHz mono samples that continue an answer whose earlier part was heard as {@code context}
     * (empty for a whole answer); the context guides spelling and style and is not part of the result. The stage
     * completes on a worker thread, never exceptionally.
     */
    CompletionStage<Transcription> transcribe(short[] samples, Priority priority, String context);

    /** Transcribes 16 kHz mono samples of a whole answer. */
    default CompletionStage<Transcription> transcribe(short[] samples, Priority priority) {
        return transcribe(samples, priority, "");
    }

    /**
     * Whether an answer may be transcribed piece by piece, each part after a pause once, the rest with the earlier
     * text as context. Recognisers that only recognise whole answers say no and get the whole answer every time.
     */
    default boolean transcribesInPieces() {
        return false;
    }
}
