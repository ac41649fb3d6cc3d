package org.socketintents.client.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * The application's connect timeout, shared by all the attempts of one connect. Only time spent connecting
 * counts: the MAM's answers are bounded separately, so a slow MAM cannot eat a short connect timeout.
 */
final class ConnectBudget {

    private final long timeoutNanos;
    private long spentNanos;

    /** @param timeoutMillis the application's timeout; 0 for none */
    ConnectBudget(int timeoutMillis) {
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /**
     * Connects within what is left of the budget.
     *
     * @throws SocketTimeoutException if nothing is left or the attempt runs out of it
     */
    void connect(Socket socket, InetSocketAddress target) throws IOException {
        int millis = 0;
        if (timeoutNanos > 0) {
            long left = timeoutNanos - spentNanos;
            if (left <= 0) {
                throw new SocketTimeoutException("Connect timed out");
            }
            millis = (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(left));
        }
        long start = System.nanoTime();
        try {
            socket.connect(target, millis);
        } finally {
            spentNanos += System.nanoTime() - start;
        }
    }

    /** @return whether the timeout has run out */
    boolean isExhausted() {
        return timeoutNanos > 0 && spentNanos >= timeoutNanos;
    }
}
