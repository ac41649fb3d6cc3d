package org.socketintents.netmon.internal;

import java.net.SocketException;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/** An {@link InterfaceScanner} that reports whatever the test last set, and counts its scans. */
final class FakeScanner implements InterfaceScanner {

    private volatile List<ScannedInterface> interfaces = List.of();
    private volatile SocketException failure;
    private final Semaphore scans = new Semaphore(0);

    void set(ScannedInterface... interfaces) {
        this.interfaces = List.of(interfaces);
        this.failure = null;
    }

    void fail(SocketException failure) {
        this.failure = failure;
    }

    /**
     * @param count how many further scans to wait for
     * @return whether they happened within 10 s
     */
    boolean awaitScans(int count) throws InterruptedException {
        scans.drainPermits();
        return scans.tryAcquire(count, 10, TimeUnit.SECONDS);
    }

    @Override
    public List<ScannedInterface> scan() throws SocketException {
        scans.release();
        SocketException current = failure;
        if (current != null) {
            throw current;
        }
        return interfaces;
    }
}
