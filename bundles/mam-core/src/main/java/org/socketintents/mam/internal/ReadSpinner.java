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
 * at once, and the machine keeps a CPU for the work that answers the pollers.
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

    /**
     * Reads what has arrived into {@code buffer}, polling for up to {@code spinMicros} before blocking on the
     * (blocking) channel, which is blocking again when this returns.
     *
     * @return the bytes read (at least one), or -1 at the end of the stream
     */
    int read(SocketChannel channel, ByteBuffer buffer, int spinMicros) throws IOException {
        if (spinMicros > 0 && spinners.tryAcquire()) {
            try {
                int read = poll(channel, buffer, TimeUnit.MICROSECONDS.toNanos(spinMicros));
                if (read != 0) {
                    return read;
                }
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
