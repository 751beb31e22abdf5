package dev.viva.voice.socket;

import org.jboss.logging.Logger;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs one session's tasks one at a time, in submission order, on a shared executor: the session's state needs no
 * locks, and a session that blocks (a database commit) holds up only itself.
 */
final class Mailbox implements Executor {

    private static final Logger LOG = Logger.getLogger(Mailbox.class);

    private final Executor executor;
    private final Consumer<RuntimeException> onFailure;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();

    /** @param onFailure what to do when a task throws (the session is then in no known state) */
    Mailbox(Executor executor, Consumer<RuntimeException> onFailure) {
        this.executor = executor;
        this.onFailure = onFailure;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        if (pending.getAndIncrement() == 0) {
            executor.execute(this::drain);
        }
    }

    private void drain() {
        do {
            Runnable task = tasks.poll();
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("A voice session task failed", e);
                onFailure.accept(e);
            }
        } while (pending.decrementAndGet() > 0);
    }

    /** Tasks waiting or running. */
    int backlog() {
        return pending.get();
    }
}
