package org.socketintents.mam.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.spi.SelectorProvider;
import java.util.Iterator;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * One thread serving the requests of many client sessions from a selector. A thread per client would cost each
 * client its stack and the JVM's per-thread memory (about 140 KB resident each, measured under load: 64 clients
 * added 9 MB), while two CPUs can only answer two requests at a time anyway. A request is read, decided and
 * answered on the loop's thread, so the hot path has no hand-off; what may wait for the network goes to the
 * {@link BlockingRequestPool}, and each session is served one request per round so that no client can keep the
 * others waiting.
 *
 * <p>A policy that overruns its budget holds the thread that asked it. The loop then goes on with a fresh
 * thread ({@link #takeOverFromStuckThread()}); the stuck one leaves the loop when the policy returns.
 */
final class SessionLoop implements AutoCloseable {

    private static final Logger LOG = System.getLogger(SessionLoop.class.getName());
    private static final long STACK_BYTES = 256 * 1024;

    private final String name;
    private final Selector selector;
    private final ReadSpinner spinner;
    private final IntSupplier spinMicros;
    private final ReadSpinner.History polls = new ReadSpinner.History();
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private volatile Thread thread;
    private volatile boolean closed;
    private int threads;

    /**
     * @param provider   the provider of the clients' channels (junixsocket's or the JDK's)
     * @param spinMicros how long to poll before blocking, read before each wait
     */
    SessionLoop(String name, SelectorProvider provider, ReadSpinner spinner, IntSupplier spinMicros)
            throws IOException {
        this.name = name;
        this.selector = provider.openSelector();
        this.spinner = spinner;
        this.spinMicros = spinMicros;
    }

    SessionLoop start() {
        startThread();
        return this;
    }

    /** Serves the session from now on; it must be non-blocking. */
    void add(ClientSession session) {
        execute(() -> session.register(this, selector));
    }

    /** Runs the task on the loop's thread, soon. */
    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** @return whether the caller is the loop's thread */
    boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    /**
     * Called (on the budget watchdog's thread) when the loop's thread is stuck in a policy call that overran its
     * budget: a fresh thread goes on serving the sessions; the stuck one leaves when the call returns.
     */
    void takeOverFromStuckThread() {
        if (!closed) {
            startThread();
        }
    }

    private synchronized void startThread() {
        Thread next = new Thread(null, this::run, name + (threads++ == 0 ? "" : "-" + threads), STACK_BYTES);
        next.setDaemon(true);
        thread = next;
        next.start();
    }

    private void run() {
        Thread self = Thread.currentThread();
        while (!closed && thread == self) {
            try {
                runTasks();
                spinner.select(selector, spinMicros.getAsInt(), polls, () -> !tasks.isEmpty());
                if (!serveSelected(self)) {
                    return;
                }
            } catch (ClosedSelectorException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // the loop's selector failing is no reason to stop serving: the next round selects again
                LOG.log(Level.ERROR, "Session loop " + name + " failed a round", e);
                pause();
            }
        }
    }

    /** @return false when this thread has lost the loop to a fresh one and must leave */
    private boolean serveSelected(Thread self) {
        Iterator<SelectionKey> selected = selector.selectedKeys().iterator();
        while (selected.hasNext()) {
            SelectionKey key = selected.next();
            selected.remove();
            ClientSession session = (ClientSession) key.attachment();
            try {
                if (!key.isValid()) {
                    // junixsocket's selector reports a hung-up peer by cancelling its key
                    if (!session.peerHungUp()) {
                        return false;
                    }
                    continue;
                }
                if (key.isWritable()) {
                    session.writable();
                }
                if (key.isValid() && key.isReadable() && !session.readable()) {
                    return false;
                }
            } catch (CancelledKeyException closedMeanwhile) {
                continue;
            }
            if (thread != self) {
                return false;
            }
        }
        return true;
    }

    private void runTasks() {
        Runnable task;
        while ((task = tasks.poll()) != null) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Session loop " + name + ": a task failed", e);
            }
        }
    }

    private static void pause() {
        try {
            TimeUnit.MILLISECONDS.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        closed = true;
        Thread last = thread;
        try {
            selector.close();
            if (last != null && last != Thread.currentThread()) {
                last.join(TimeUnit.SECONDS.toMillis(2));
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Closing session loop " + name + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
