package dev.viva.tts;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Records every listener call with the thread it came on; {@link #onFirstChunk} runs inside the first chunk. */
class RecordingListener implements SpeechListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<SpeechChunk> chunks = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    volatile Runnable onFirstChunk = () -> { };
    volatile Synthesis synthesis;

    @Override
    public void onChunk(SpeechChunk chunk) {
        record("chunk");
        chunks.add(chunk);
        if (chunks.size() == 1) {
            onFirstChunk.run();
        }
    }

    @Override
    public void onComplete() {
        record("complete");
        ended.countDown();
    }

    @Override
    public void onFailure(String reason) {
        record("failure: " + reason);
        ended.countDown();
    }

    private void record(String event) {
        events.add(event);
        threads.add(Thread.currentThread().getName());
    }

    void awaitEnd() throws InterruptedException {
        assertThat(ended.await(30, TimeUnit.SECONDS)).as("synthesis ended").isTrue();
    }

    List<SpeechChunk> segment(int index) {
        return chunks.stream().filter(c -> c.segment() == index).toList();
    }

    short[] samples() {
        short[] all = new short[chunks.stream().mapToInt(c -> c.samples().length).sum()];
        int at = 0;
        for (SpeechChunk chunk : chunks) {
            System.arraycopy(chunk.samples(), 0, all, at, chunk.samples().length);
            at += chunk.samples().length;
        }
        return all;
    }
}
