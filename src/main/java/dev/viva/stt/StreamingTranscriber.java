package dev.viva.stt;

import java.util.Arrays;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Transcribes one answer as it is spoken: partial transcripts of the growing audio while the candidate speaks (for
 * captions and the recruiter's live view), then one final transcript at the end of the turn. Partials are best
 * effort: at most one in flight, only after {@code partialIntervalMs} of new audio, skipped when the recognizer is
 * busy, and dropped if they arrive after a full transcription was requested, so a stale caption never overwrites the
 * answer.
 *
 * <p>{@link #append} and {@link #transcribe} are called by one thread at a time (the session's); the partial listener
 * runs on a recognizer worker thread.
 */
public final class StreamingTranscriber {

    /** Whisper looks at 30 s at a time; captions of longer answers show the most recent part. */
    private static final int MAX_PARTIAL_SAMPLES = 28 * 16_000;

    private final SpeechRecognizer recognizer;
    private final int partialIntervalSamples;
    private final Consumer<Transcription.Heard> onPartial;
    private short[] buffer = new short[16_000 * 10];
    private int length;
    private int lastPartialAt;
    private boolean partialInFlight;
    private long generation;

    public StreamingTranscriber(SpeechRecognizer recognizer, int partialIntervalMs,
                                Consumer<Transcription.Heard> onPartial) {
        this.recognizer = recognizer;
        this.partialIntervalSamples = partialIntervalMs * 16;
        this.onPartial = onPartial;
    }

    /** Adds 16 kHz samples of the answer in progress, starting a partial transcription when one is due. */
    public synchronized void append(short[] samples) {
        if (length + samples.length > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + samples.length));
        }
        System.arraycopy(samples, 0, buffer, length, samples.length);
        length += samples.length;
        if (!partialInFlight && length - lastPartialAt >= partialIntervalSamples && recognizer.isAvailable()) {
            partialInFlight = true;
            lastPartialAt = length;
            long requestedIn = generation;
            int from = Math.max(0, length - MAX_PARTIAL_SAMPLES);
            recognizer.transcribe(Arrays.copyOfRange(buffer, from, length), SpeechRecognizer.Priority.PARTIAL)
                    .thenAccept(result -> partialDone(requestedIn, result));
        }
    }

    private void partialDone(long requestedIn, Transcription result) {
        boolean current;
        synchronized (this) {
            partialInFlight = false;
            current = requestedIn == generation;
        }
        if (current && result instanceof Transcription.Heard heard) {
            onPartial.accept(heard);
        }
    }

    /**
     * Transcribes everything appended so far, with the given priority. The answer stays open: more audio may follow
     * (a candidate who goes on after a pause) and be transcribed again. Partials still running are dropped, so a
     * stale caption never arrives after the transcript it would contradict.
     */
    public synchronized CompletionStage<Transcription> transcribe(SpeechRecognizer.Priority priority) {
        generation++;
        return recognizer.transcribe(Arrays.copyOf(buffer, length), priority);
    }

    /** Discards the answer in progress (a backchannel, or a turn abandoned by a barge-in). */
    public synchronized void reset() {
        generation++;
        length = 0;
        lastPartialAt = 0;
    }

    /** Milliseconds of audio in the answer so far. */
    public synchronized long bufferedMs() {
        return length / 16L;
    }
}
