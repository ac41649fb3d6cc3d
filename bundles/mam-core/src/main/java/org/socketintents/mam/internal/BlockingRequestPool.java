package org.socketintents.mam.internal;

import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Threads for the requests that may block for long: a RESOLVE waits for DNS, a SOCKETCONNECT for the remote
 * host. They are answered here so that the session loops, which serve every other request of many clients,
 * never wait for the network. A thread exists only while such requests are in flight (and a while after); each
 * session has at most one in flight, so there are never more threads than sessions.
 */
final class BlockingRequestPool implements Executor, AutoCloseable {

    private static final long STACK_BYTES = 256 * 1024;
    private static final long IDLE_SECONDS = 10;

    private final AtomicLong threads = new AtomicLong();
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_SECONDS,
            TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
                Thread thread = new Thread(null, task, "mam-blocking-" + threads.incrementAndGet(), STACK_BYTES);
                thread.setDaemon(true);
                return thread;
            });

    @Override
    public void execute(Runnable request) {
        executor.execute(request);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
