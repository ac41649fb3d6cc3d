package org.socketintents.benchmarks.load;

import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Watches a process's resident memory while load runs and keeps the peak. */
final class RssSampler implements AutoCloseable {

    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final long pid;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long peakKb;

    private RssSampler(long pid) {
        this.pid = pid;
        this.thread = new Thread(this::sample, "rss-sampler");
        thread.setDaemon(true);
    }

    static RssSampler start(long pid) {
        RssSampler sampler = new RssSampler(pid);
        sampler.thread.start();
        return sampler;
    }

    private void sample() {
        while (running) {
            try {
                peakKb = Math.max(peakKb, ProcFiles.residentKb(pid));
            } catch (IOException e) {
                return; // the process is gone
            }
            LockSupport.parkNanos(PERIOD_NANOS);
        }
    }

    /** @return the highest resident set size seen, in kB */
    long peakKb() {
        return peakKb;
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
