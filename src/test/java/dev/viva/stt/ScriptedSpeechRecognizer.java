package dev.viva.stt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A deterministic speech-to-text double for pipeline tests, for where real Whisper weights cannot exist. It is taught
 * clips of audio with their text and recognises them again by their loudness envelope (20 ms levels, leading and
 * trailing silence trimmed), so audio that went through the real path (framing, 48 kHz resampling, VAD cutting)
 * still matches. A prefix of a clip, as in a partial transcript, yields the matching share of its words; audio it
 * was not taught is "not understood". Results complete on a separate thread, like the real engine. It recognises
 * whole answers only, so the pipeline gives it the whole answer every time (no {@link #transcribesInPieces()}).
 *
 * <p>For audio nobody can teach in advance (a browser's microphone), {@link #transcripts} scripts what the next
 * answers say: every transcription of one answer (its captions, its final transcript) hears the same scripted text,
 * and audio that does not continue the previous answer starts the next one.
 */
public final class ScriptedSpeechRecognizer implements SpeechRecognizer, AutoCloseable {

    private static final double SILENCE_DB = -50;
    private static final double MIN_CORRELATION = 0.8;

    private record Clip(double[] envelope, String[] words) {
    }

    /** One call, for assertions. */
    public record Call(Priority priority, long audioMs) {
    }

    private static final int ANSWER_HEAD = 1_600;

    private final List<Clip> clips = new CopyOnWriteArrayList<>();
    private final Queue<String> scripted = new ConcurrentLinkedQueue<>();
    private short[] answerHead;
    private String answerText;
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final ExecutorService ownWorker;
    private final Executor worker;
    private volatile boolean available = true;
    private final Set<Priority> refused = EnumSet.noneOf(Priority.class);

    /** Results complete on a thread of the double's own, like the real engine's. */
    public ScriptedSpeechRecognizer() {
        ownWorker = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "scripted-stt");
            thread.setDaemon(true);
            return thread;
        });
        worker = ownWorker;
    }

    /** Results complete on {@code worker}: {@code Runnable::run} makes them synchronous, for step-by-step tests. */
    public ScriptedSpeechRecognizer(Executor worker) {
        this.ownWorker = null;
        this.worker = worker;
    }
    private volatile CompletableFuture<Void> gate = CompletableFuture.completedFuture(null);

    /** Teaches the double that {@code audio} (16 kHz) says {@code text}. */
    public ScriptedSpeechRecognizer say(short[] audio, String text) {
        clips.add(new Clip(envelope(audio), text.strip().split("\\s+")));
        return this;
    }

    /** The next answers, in order, whatever their audio; taught clips are matched again once these are used up. */
    public ScriptedSpeechRecognizer transcripts(String... texts) {
        scripted.addAll(List.of(texts));
        return this;
    }

    public void available(boolean available) {
        this.available = available;
    }

    /** Refuses transcriptions of this priority as BUSY, as the engine does when no worker is idle for them. */
    public synchronized void refuse(Priority priority) {
        refused.add(priority);
    }

    /** Holds every result until the returned future is completed (to test late results). */
    public CompletableFuture<Void> hold() {
        gate = new CompletableFuture<>();
        return gate;
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    @Override
    public boolean isAvailable() {
        return available;
    }

    @Override
    public CompletionStage<Transcription> transcribe(short[] samples, Priority priority, String context) {
        long audioMs = samples.length / 16L;
        calls.add(new Call(priority, audioMs));
        if (!available) {
            return CompletableFuture.completedFuture(
                    new Transcription.Failed(Transcription.Reason.UNAVAILABLE, "scripted: unavailable"));
        }
        synchronized (this) {
            if (refused.contains(priority)) {
                return CompletableFuture.completedFuture(
                        new Transcription.Failed(Transcription.Reason.BUSY, "scripted: no idle worker"));
            }
        }
        short[] copy = samples.clone();
        CompletableFuture<Void> waitFor = gate;
        return waitFor.thenApplyAsync(ignored -> recognise(copy, audioMs), worker);
    }

    private Transcription recognise(short[] samples, long audioMs) {
        String text = scriptedAnswer(samples);
        return text != null ? new Transcription.Heard(text, audioMs, 0, 1) : matchClip(samples, audioMs);
    }

    private synchronized String scriptedAnswer(short[] samples) {
        short[] head = Arrays.copyOf(samples, Math.min(ANSWER_HEAD, samples.length));
        if (answerHead != null && head.length == answerHead.length && Arrays.equals(head, answerHead)) {
            return answerText;
        }
        if (scripted.isEmpty() || head.length < ANSWER_HEAD) {
            return null;
        }
        answerHead = head;
        answerText = scripted.poll();
        return answerText;
    }

    private Transcription matchClip(short[] samples, long audioMs) {
        double[] heard = envelope(samples);
        String best = null;
        double bestScore = MIN_CORRELATION;
        for (Clip clip : clips) {
            if (heard.length < 5 || heard.length > clip.envelope().length * 1.15 + 5) {
                continue;
            }
            int n = Math.min(heard.length, clip.envelope().length);
            double score = correlation(heard, clip.envelope(), n);
            if (score > bestScore) {
                bestScore = score;
                double share = (double) heard.length / clip.envelope().length;
                int words = share >= 0.9 ? clip.words().length
                        : Math.max(1, (int) Math.floor(share * clip.words().length));
                best = String.join(" ", Arrays.copyOf(clip.words(), words));
            }
        }
        return best == null
                ? new Transcription.NotUnderstood(audioMs, 0, 1)
                : new Transcription.Heard(best, audioMs, 0, 1);
    }

    private static double[] envelope(short[] samples) {
        List<Double> levels = new ArrayList<>();
        for (int start = 0; start + 320 <= samples.length; start += 320) {
            double sum = 0;
            for (int i = start; i < start + 320; i++) {
                double s = samples[i] / 32768.0;
                sum += s * s;
            }
            double rms = Math.sqrt(sum / 320);
            levels.add(rms < 1e-5 ? -100 : 20 * Math.log10(rms));
        }
        int from = 0;
        int to = levels.size();
        while (from < to && levels.get(from) < SILENCE_DB) {
            from++;
        }
        while (to > from && levels.get(to - 1) < SILENCE_DB) {
            to--;
        }
        return levels.subList(from, to).stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double correlation(double[] a, double[] b, int n) {
        double meanA = 0;
        double meanB = 0;
        for (int i = 0; i < n; i++) {
            meanA += a[i];
            meanB += b[i];
        }
        meanA /= n;
        meanB /= n;
        double cov = 0;
        double varA = 0;
        double varB = 0;
        for (int i = 0; i < n; i++) {
            cov += (a[i] - meanA) * (b[i] - meanB);
            varA += (a[i] - meanA) * (a[i] - meanA);
            varB += (b[i] - meanB) * (b[i] - meanB);
        }
        return varA == 0 || varB == 0 ? 0 : cov / Math.sqrt(varA * varB);
    }

    @Override
    public void close() {
        if (ownWorker != null) {
            ownWorker.shutdownNow();
        }
    }
}
