package dev.viva.tts;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A speech synthesis double with exactly predictable audio: every word is {@link #WORD_MS} of a tone, every sentence
 * a segment, chunks of 100 ms. Chunks are delivered at once on the calling thread, so a test decides when they are
 * consumed. For tests of what plays around the synthesiser; FreeTTS itself is tested with real speech.
 */
public final class ToneSynthesizer implements SpeechSynthesizer {

    public static final int WORD_MS = 250;
    private static final int CHUNK = 1_600;

    private final List<String> texts = new CopyOnWriteArrayList<>();
    private volatile boolean available = true;
    private volatile String failure;

    public void available(boolean available) {
        this.available = available;
    }

    /** Makes every synthesis fail with this reason (null: succeed). */
    public void fail(String reason) {
        this.failure = reason;
    }

    public List<String> texts() {
        return List.copyOf(texts);
    }

    @Override
    public boolean isAvailable() {
        return available;
    }

    @Override
    public Synthesis synthesize(String text, SpeechListener listener) {
        texts.add(text);
        boolean[] cancelled = new boolean[1];
        Synthesis handle = () -> cancelled[0] = true;
        if (failure != null) {
            listener.onFailure(failure);
            return handle;
        }
        String[] sentences = text.strip().split("(?<=[.?!])\\s+");
        for (int s = 0; s < sentences.length && !cancelled[0]; s++) {
            int words = sentences[s].split("\\s+").length;
            short[] audio = tone(words * WORD_MS * 16);
            for (int from = 0; from < audio.length; from += CHUNK) {
                int to = Math.min(audio.length, from + CHUNK);
                listener.onChunk(new SpeechChunk(s, sentences[s], Arrays.copyOfRange(audio, from, to),
                        to == audio.length));
            }
        }
        if (!cancelled[0]) {
            listener.onComplete();
        }
        return handle;
    }

    private static short[] tone(int samples) {
        short[] out = new short[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = (short) (8_000 * Math.sin(2 * Math.PI * 220 * i / 16_000.0));
        }
        return out;
    }
}
