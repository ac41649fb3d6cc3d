package org.socketintents.itests.osgi;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.Predicate;

/**
 * Waits for the effect of a configuration change. Configuration Admin delivers changes asynchronously and the
 * components offer no event that says "applied", so the tests look at the effect itself until it shows.
 */
final class Eventually {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long POLL_MILLIS = 20;

    private Eventually() {
    }

    /**
     * @param what  the expected effect, for the failure message
     * @param probe looks at the system; may throw while the effect is not there yet
     * @param done  whether what the probe saw is the expected effect
     * @param <T>   what the probe returns
     * @return the first observation that satisfies {@code done}
     * @throws AssertionError if none does within the timeout
     */
    static <T> T await(String what, Callable<T> probe, Predicate<? super T> done) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        Object last;
        do {
            try {
                T seen = probe.call();
                if (done.test(seen)) {
                    return seen;
                }
                last = seen;
            } catch (Exception e) {
                last = e;
            }
            Thread.sleep(POLL_MILLIS);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("Not within " + TIMEOUT + ": " + what + "; last seen: " + last);
    }
}
