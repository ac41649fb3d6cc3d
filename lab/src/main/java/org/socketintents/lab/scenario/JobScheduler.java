package org.socketintents.lab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs jobs on a fixed set of slots (the labs), one thread per slot, each taking the next job when it is free. The
 * first failure stops the run: the other slots' threads are interrupted in whatever job they are in, no further job
 * starts, and every slot is closed (its lab torn down) before {@link #run} rethrows that failure. On SIGTERM or
 * Ctrl-C a shutdown hook does the same and waits for the slots to be closed, so that no job goes on working in a
 * lab that its own shutdown hook is removing.
 */
public final class JobScheduler {

    /** What a slot does with a job. */
    @FunctionalInterface
    public interface Action<S, J> {
        void run(S slot, J job) throws Exception;
    }

    private static final long SHUTDOWN_WAIT_MILLIS = 60_000;

    private JobScheduler() {
    }

    public static <S extends AutoCloseable, J> void run(List<J> jobs, List<S> slots, Action<S, J> action)
            throws Exception {
        Queue<J> queue = new ConcurrentLinkedQueue<>(jobs);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (S slot : slots) {
            threads.add(new Thread(() -> work(slot, queue, action, failure, threads), "lab-slot-" + threads.size()));
        }
        Thread hook = new Thread(() -> stop(threads, failure, new InterruptedException("shutting down")),
                "lab-slots-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        threads.forEach(Thread::start);
        try {
            for (Thread thread : threads) {
                thread.join();
            }
        } catch (InterruptedException e) {
            stop(threads, failure, e);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            // The hook stops the threads.
        }
        Throwable first = failure.get();
        if (first instanceof Exception e) {
            throw e;
        }
        if (first instanceof Error e) {
            throw e;
        }
    }

    /** Interrupts every slot's thread and waits until each has closed its slot. */
    private static void stop(List<Thread> threads, AtomicReference<Throwable> failure, InterruptedException cause) {
        failure.compareAndSet(null, cause);
        threads.forEach(Thread::interrupt);
        long deadline = System.currentTimeMillis() + SHUTDOWN_WAIT_MILLIS;
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException again) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static <S extends AutoCloseable, J> void work(S slot, Queue<J> queue, Action<S, J> action,
            AtomicReference<Throwable> failure, List<Thread> threads) {
        try {
            J job;
            while (failure.get() == null && (job = queue.poll()) != null) {
                action.run(slot, job);
            }
        } catch (Throwable t) {
            if (failure.compareAndSet(null, t)) {
                threads.stream().filter(other -> other != Thread.currentThread()).forEach(Thread::interrupt);
            }
        } finally {
            // An interrupt stopped the job; the teardown must not stop early too (it waits for processes to end).
            Thread.interrupted();
            try {
                slot.close();
            } catch (Exception e) {
                failure.compareAndSet(null, e);
            }
        }
    }
}
