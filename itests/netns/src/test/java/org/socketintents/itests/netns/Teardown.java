package org.socketintents.itests.netns;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Releases what a test set up, newest first, exactly once: when the test closes it, or from a shutdown hook
 * if the JVM ends first (an interrupted build must not leave namespaces and daemons behind).
 */
final class Teardown implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Teardown.class.getName());

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private final Thread hook = new Thread(this::releaseAll, "netns-teardown");

    Teardown() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** @return the resource, now owned by this teardown */
    synchronized <T extends AutoCloseable> T own(T resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    public void close() {
        releaseAll();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is running or has run: nothing is left to release.
        }
    }

    private synchronized void releaseAll() {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "could not release " + resource, e);
            }
        }
    }
}
