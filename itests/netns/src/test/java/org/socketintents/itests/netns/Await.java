package org.socketintents.itests.netns;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/** Polls for a condition that nothing announces (a daemon's readiness, its view of the interfaces). */
final class Await {

    private static final Duration INTERVAL = Duration.ofMillis(100);

    private Await() {
    }

    /**
     * @param what      what is awaited, for the failure message
     * @param timeout   how long to keep polling
     * @param probe     returns the value once the condition holds; an exception counts as "not yet"
     * @param diagnosis adds context (e.g. a process log) to the failure message
     * @return the probe's value
     * @throws AssertionError if the condition does not hold within the timeout
     */
    static <T> T until(String what, Duration timeout, Callable<Optional<T>> probe, Supplier<String> diagnosis)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (true) {
            try {
                Optional<T> value = probe.call();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() - deadline >= 0) {
                throw new AssertionError("no " + what + " within " + timeout.toSeconds() + " s"
                        + (last == null ? "" : "; last attempt: " + last) + "\n" + diagnosis.get(), last);
            }
            Thread.sleep(INTERVAL.toMillis());
        }
    }
}
