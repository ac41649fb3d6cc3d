package org.socketintents.client.internal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Supplier;

/**
 * Idle connections to the MAM, kept for reuse so that a request normally costs no connection set-up. A thread
 * takes a connection for the duration of one request; concurrent requests get connections of their own, and
 * at most {@value #MAX_IDLE} are kept when they are done. Thread-safe.
 */
final class MamConnectionPool implements Closeable {

    static final int MAX_IDLE = 4;

    private final Supplier<Path> socketPath;
    private final BlockingQueue<MamConnection> idle = new ArrayBlockingQueue<>(MAX_IDLE);
    private volatile boolean closed;

    /** @param socketPath where the MAM is; asked each time a connection is opened */
    MamConnectionPool(Supplier<Path> socketPath) {
        this.socketPath = socketPath;
    }

    /** @return an idle connection, or a new one */
    MamConnection take() throws IOException {
        MamConnection connection = idle.poll();
        return connection != null ? connection : open();
    }

    /** @return a new connection, bypassing the idle ones */
    MamConnection open() throws IOException {
        if (closed) {
            throw new IOException("the MamClient is closed");
        }
        return MamConnection.open(socketPath.get());
    }

    /** @param connection a connection that completed its request and may serve another */
    void giveBack(MamConnection connection) {
        if (closed || !idle.offer(connection)) {
            connection.close();
        } else if (closed) {
            drain();
        }
    }

    @Override
    public void close() {
        closed = true;
        drain();
    }

    private void drain() {
        for (MamConnection connection = idle.poll(); connection != null; connection = idle.poll()) {
            connection.close();
        }
    }
}
