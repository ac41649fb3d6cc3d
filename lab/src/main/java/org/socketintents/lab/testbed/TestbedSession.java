package org.socketintents.lab.testbed;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.socketintents.lab.delay.DelayTuning;
import org.socketintents.lab.os.CommandRunner;
import org.socketintents.lab.topology.Layout;

/**
 * A testbed in this process that is torn down however the process ends: by {@link #close()}, or by a shutdown hook
 * on SIGTERM or Ctrl-C. The hook is in place before anything is built; a signal during the build waits for the
 * build to finish, then removes it.
 */
public final class TestbedSession implements AutoCloseable {

    private static final long BUILD_WAIT_SECONDS = 60;

    private final CompletableFuture<Testbed> built = new CompletableFuture<>();
    private final Runnable afterTeardown;
    private final Thread hook;
    private boolean closed;

    private TestbedSession(Runnable afterTeardown) {
        this.afterTeardown = afterTeardown;
        this.hook = new Thread(this::teardown, "lab-teardown");
    }

    /** @param afterTeardown runs after the testbed is gone (e.g. removes state files); must not throw */
    public static TestbedSession open(Layout layout, CommandRunner shell, DelayTuning tuning, Runnable afterTeardown)
            throws IOException {
        TestbedSession session = new TestbedSession(afterTeardown);
        Runtime.getRuntime().addShutdownHook(session.hook);
        try {
            session.built.complete(Testbed.start(layout, shell, tuning));
            return session;
        } catch (IOException | RuntimeException e) {
            session.built.completeExceptionally(e);
            session.close();
            throw e;
        }
    }

    public Testbed testbed() {
        return built.join();
    }

    private synchronized void teardown() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            built.get(BUILD_WAIT_SECONDS, TimeUnit.SECONDS).close();
        } catch (Exception buildFailed) {
            // Testbed.start removed what it had built before failing.
        }
        afterTeardown.run();
    }

    @Override
    public void close() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // The hook runs the teardown.
            return;
        }
        teardown();
    }
}
