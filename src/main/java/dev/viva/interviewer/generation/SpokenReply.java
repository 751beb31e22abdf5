package dev.viva.interviewer.generation;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Where a streaming generator says a reply while it is still being generated: a voice session binds one to
 * {@link #CURRENT} around the interviewer call that produces its next utterance, and receives the reply's words in
 * order as they become safe to speak. Everything the generator hands over is part of the reply's text, which is what
 * the turn records; so the transcript holds only what was (or was about to be) said, never words the model wrote
 * that were not spoken. A scoped value rather than a parameter, because the call passes through the interview engine,
 * which has no business with speech.
 */
public final class SpokenReply {

    /** Bound only by a session that speaks: text sessions get the whole reply once it is complete. */
    public static final ScopedValue<SpokenReply> CURRENT = ScopedValue.newInstance();

    private final Consumer<String> speak;
    private final AtomicReference<Runnable> onInterrupt = new AtomicReference<>();
    private volatile boolean interrupted;

    /** @param speak receives each piece of the reply in order; must return at once (it runs on the model's thread) */
    public SpokenReply(Consumer<String> speak) {
        this.speak = speak;
    }

    void say(String text) {
        if (!interrupted) {
            speak.accept(text);
        }
    }

    /** The candidate interrupted (barge-in, a typed answer): the generator stops the stream and says nothing more. */
    public void interrupt() {
        interrupted = true;
        Runnable r = onInterrupt.getAndSet(null);
        if (r != null) {
            r.run();
        }
    }

    /** Runs {@code r} on interruption, at once if it already happened. */
    void onInterrupt(Runnable r) {
        onInterrupt.set(r);
        if (interrupted && onInterrupt.compareAndSet(r, null)) {
            r.run();
        }
    }
}
