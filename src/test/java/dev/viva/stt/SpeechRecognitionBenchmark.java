package dev.viva.stt;

import dev.viva.testing.Wav;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Real whisper.cpp compute on a tiny.en-shaped model with random weights ({@link RandomWhisperModel}): the time to
 * transcribe answers of typical lengths, by threads per transcription and with several transcriptions at once.
 * Random decoding runs to the per-window token limit (an upper bound); immediate-end stops after two tokens (a lower
 * bound: the encoder alone, nearly); spoken-length decodes 24 tokens, what about 8 s of real speech needs. Wall times suffer from whatever else runs on the machine; the CPU time of the
 * process (one thread per transcription runs on one core) does not. Prints figures, asserts nothing. Run:
 * {@code ./mvnw -B test -Pbench -Dtest=SpeechRecognitionBenchmark} ({@code -Dviva.bench.decoding=immediate-end},
 * {@code spoken-length} or {@code random} for one of the models). Reads {@code ../shared/audio/jfk.wav} (real speech),
 * which the repository does not carry: benchmarks may need ../shared, the test suite does not.
 */
class SpeechRecognitionBenchmark {

    @Test
    void transcriptionTimes() throws Exception {
        short[] jfk = Wav.read(Wav.jfk());
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("%n== speech-to-text compute, whisper.cpp tiny.en shapes, random weights, %d cores ==%n",
                cores);
        String only = System.getProperty("viva.bench.decoding", "");
        for (RandomWhisperModel.Decoding decoding : RandomWhisperModel.Decoding.values()) {
            if (!only.isEmpty() && !only.equals(decoding.name().toLowerCase().replace('_', '-'))) {
                continue;
            }
            Path file = RandomWhisperModel.benchModel(decoding);
            for (boolean fit : new boolean[]{false, true}) {
                String label = decoding.name().toLowerCase() + (fit ? ", context fitted" : ", context full");
                for (int threads = 1; threads <= cores; threads++) {
                    try (WhisperEngine engine = WhisperEngine.load(file,
                            new WhisperEngine.Settings(1, threads, 4, "en", fit))) {
                        transcribe(engine, Arrays.copyOf(jfk, 16_000)); // warm-up: first run allocates buffers
                        for (int seconds : new int[]{2, 5, 11}) {
                            short[] audio = Arrays.copyOf(jfk, 16_000 * seconds);
                            long[] ms = new long[3];
                            long cpuBefore = cpuNanos();
                            for (int i = 0; i < ms.length; i++) {
                                ms[i] = transcribe(engine, audio);
                            }
                            long cpuMs = (cpuNanos() - cpuBefore) / ms.length / 1_000_000;
                            Arrays.sort(ms);
                            System.out.printf("%-30s 1 worker x %d thread(s), %2d s of audio: median %5d ms %s, "
                                    + "CPU %d ms each%n", label, threads, seconds, ms[1], Arrays.toString(ms), cpuMs);
                        }
                    }
                }
                try (WhisperEngine engine = WhisperEngine.load(file,
                        new WhisperEngine.Settings(cores, 1, 8, "en", fit))) {
                    transcribe(engine, Arrays.copyOf(jfk, 16_000));
                    short[] audio = Arrays.copyOf(jfk, 16_000 * 5);
                    long started = System.nanoTime();
                    List<CompletableFuture<Transcription>> all = new ArrayList<>();
                    for (int i = 0; i < cores * 2; i++) {
                        all.add(engine.transcribe(audio, SpeechRecognizer.Priority.FINAL).toCompletableFuture());
                    }
                    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
                    long wall = (System.nanoTime() - started) / 1_000_000;
                    System.out.printf("%-30s %d workers x 1 thread, %d x 5 s at once: %d ms wall, %.2f "
                            + "transcriptions/s%n", label, cores, all.size(), wall, all.size() * 1000.0 / wall);
                }
            }
        }
    }

    /** CPU time of this whole process: what whisper.cpp used, whatever else the machine was doing. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long transcribe(WhisperEngine engine, short[] audio) {
        Transcription t = engine.transcribe(audio, SpeechRecognizer.Priority.FINAL).toCompletableFuture().join();
        return switch (t) {
            case Transcription.Heard h -> h.computeMs();
            case Transcription.NotUnderstood n -> n.computeMs();
            case Transcription.Failed f -> throw new IllegalStateException(f.message());
        };
    }
}
