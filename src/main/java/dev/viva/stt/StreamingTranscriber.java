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
 * <p>With a recognizer that {@linkplain SpeechRecognizer#transcribesInPieces() takes pieces}, what a full
 * transcription heard (the session asks for one at every pause, early, and at the end of the turn) is kept: later
 * transcriptions and captions only cover the audio after it, with its text as context, and their text is appended.
 * A long answer then costs each of its parts once, and the end of the turn waits for its last phrase only, rather
 * than for the whole answer again at every pause. Pieces shorter than {@value #MIN_PIECE_MS} ms are not kept: too
 * little audio for Whisper to be sure of, they are heard again with what follows.
 *
 * <p>{@link #append} and {@link #transcribe} are called by one thread at a time (the session's); the partial listener
 * runs on a recognizer worker thread.
 */
public final class StreamingTranscriber {

    /** Whisper looks at 30 s at a time; captions of longer answers show the most recent part. */
    private static final int MAX_PARTIAL_SAMPLES = 28 * 16_000;
    static final int MIN_PIECE_MS = 2_000;
    /** Context Whisper is given: enough for names and style, well within its prompt budget. */
    private static final int MAX_CONTEXT_CHARS = 200;

    private final SpeechRecognizer recognizer;
    private final boolean pieces;
    private final int partialIntervalSamples;
    private final Consumer<Transcription.Heard> onPartial;
    private short[] buffer = new short[16_000 * 10];
    private int length;
    private int lastPartialAt;
    private boolean partialInFlight;
    private long generation;
    /** Counts answers ({@link #reset}), so a result of an earlier answer is never kept for this one. */
    private long answer;
    /** Samples already transcribed for good, and what they said. */
    private int kept;
    private String keptText = "";

    public StreamingTranscriber(SpeechRecognizer recognizer, int partialIntervalMs,
                                Consumer<Transcription.Heard> onPartial) {
        this.recognizer = recognizer;
        this.pieces = recognizer.transcribesInPieces();
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
            int from = Math.max(kept, length - MAX_PARTIAL_SAMPLES);
            String before = from == kept ? keptText : "";
            int to = length;
            recognizer.transcribe(Arrays.copyOfRange(buffer, from, to), SpeechRecognizer.Priority.PARTIAL,
                            context(before))
                    .thenAccept(result -> partialDone(requestedIn, joined(before, to, result)));
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
        int from = kept;
        String before = keptText;
        int to = length;
        long of = answer;
        return recognizer.transcribe(Arrays.copyOfRange(buffer, from, to), priority, context(before))
                .thenApply(result -> settled(of, from, to, before, result));
    }

    /** Keeps what a full transcription heard, when it continues what was kept; returns the whole answer's text. */
    private synchronized Transcription settled(long of, int from, int to, String before, Transcription result) {
        if (pieces && of == answer && from == kept && to - from >= MIN_PIECE_MS * 16
                && result instanceof Transcription.Heard heard) {
            kept = to;
            keptText = join(before, heard.text());
        }
        return joined(before, to, result);
    }

    /** The result for a piece that follows {@code before}, as the result for the answer up to {@code to}. */
    private static Transcription joined(String before, int to, Transcription result) {
        if (before.isEmpty()) {
            return result;
        }
        return switch (result) {
            case Transcription.Heard heard -> new Transcription.Heard(join(before, heard.text()), to / 16L,
                    heard.queueMs(), heard.computeMs());
            case Transcription.NotUnderstood none -> new Transcription.Heard(before, to / 16L, none.queueMs(),
                    none.computeMs()); // nothing more was made out: the answer is what was heard before
            case Transcription.Failed failed -> failed;
        };
    }

    private static String join(String before, String text) {
        return before.isEmpty() ? text : before + " " + text;
    }

    private static String context(String before) {
        if (before.length() <= MAX_CONTEXT_CHARS) {
            return before;
        }
        int cut = before.indexOf(' ', before.length() - MAX_CONTEXT_CHARS);
        return cut < 0 ? before.substring(before.length() - MAX_CONTEXT_CHARS) : before.substring(cut + 1);
    }

    /** Discards the answer in progress (a backchannel, or a turn abandoned by a barge-in). */
    public synchronized void reset() {
        generation++;
        answer++;
        length = 0;
        lastPartialAt = 0;
        kept = 0;
        keptText = "";
    }

    /** Milliseconds of audio in the answer so far. */
    public synchronized long bufferedMs() {
        return length / 16L;
    }
}
