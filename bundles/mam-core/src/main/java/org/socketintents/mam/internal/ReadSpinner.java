package org.socketintents.mam.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Waits for a client's next request by polling before blocking. A blocked read that the request ends costs a
 * wake-up of the session's thread, and on a virtual machine with idle CPUs a halted CPU's wake-up costs most of
 * the round trip (measured here: 47 us for a plain blocking echo, 3.5 us for a spinning one). Clients that ask
 * in bursts (a page's connects, a getaddrinfo followed by its connect) send the next request within
 * microseconds, so a short poll answers them without the wake-up.
 *
 * <p>Polling burns CPU, so at most one session per CPU but one polls at a time (at least one): the others block
 * at once, and the machine keeps a CPU for the work that answers the pollers. And a session polls only while
 * polling pays: after a poll that ended without a request it skips the next 2, then 4, up to 1024 waits, and
 * polls again at once after one that found its request. Under load, when clients queue for the CPU and their
 * requests come later than a poll lasts, polling would only take CPU from the work that answers them.
 */
final class ReadSpinner {

    private final Semaphore spinners;

    /** A spinner letting one session per available processor but one poll at a time (at least one). */
    ReadSpinner() {
        this(Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    ReadSpinner(int concurrentSpinners) {
        this.spinners = new Semaphore(concurrentSpinners);
    }

    /** Whether polling has paid off lately for one session; used by that session's reading thread only. */
    static final class History {
        private static final int MOST_SKIPPED_DOUBLINGS = 10;
        private int misses;
        private int waitsToSkip;

        /** @return whether this wait may poll (counts a skipped one) */
        boolean mayPoll() {
            if (waitsToSkip == 0) {
                return true;
            }
            waitsToSkip--;
            return false;
        }

        void found() {
            misses = 0;
        }

        void missed() {
            misses = Math.min(misses + 1, MOST_SKIPPED_DOUBLINGS);
            waitsToSkip = 1 << misses;
        }
    }

    /**
     * Reads what has arrived into {@code buffer}, polling for up to {@code spinMicros} before blocking on the
     * (blocking) channel, which is blocking again when this returns.
     *
     * @param history the session's, updated with whether the poll found the request
     * @return the bytes read (at least one), or -1 at the end of the stream
     */
    int read(SocketChannel channel, ByteBuffer buffer, int spinMicros, History history) throws IOException {
        if (spinMicros > 0 && history.mayPoll() && spinners.tryAcquire()) {
            try {
                int read = poll(channel, buffer, TimeUnit.MICROSECONDS.toNanos(spinMicros));
                if (read != 0) {
                    history.found();
                    return read;
                }
                history.missed();
            } finally {
                spinners.release();
            }
        }
        return channel.read(buffer);
    }

    private static int poll(SocketChannel channel, ByteBuffer buffer, long spinNanos) throws IOException {
        long end = System.nanoTime() + spinNanos;
        channel.configureBlocking(false);
        try {
            int read;
            while ((read = channel.read(buffer)) == 0 && System.nanoTime() - end < 0) {
                Thread.onSpinWait();
            }
            return read;
        } finally {
            channel.configureBlocking(true);
        }
    }
}
