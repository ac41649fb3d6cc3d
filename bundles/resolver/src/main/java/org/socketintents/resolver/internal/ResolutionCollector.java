package org.socketintents.resolver.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.socketintents.api.net.AddressFamily;
import org.socketintents.api.resolver.InterfaceAnswer;
import org.socketintents.api.resolver.InterfaceAnswer.Outcome;
import org.socketintents.api.resolver.Resolution;
import org.socketintents.api.resolver.Resolution.Completion;

/**
 * Gathers the interfaces' answers as they arrive and decides, on the thread that waits for them, when the resolution
 * ends: when every interface has answered, when the caller's predicate is satisfied (asked only once some address
 * is known), or at the deadline. One collector serves one resolution and one waiting thread.
 */
final class ResolutionCollector {

    private static final Logger LOG = System.getLogger(ResolutionCollector.class.getName());

    private final String host;
    private final AddressFamily family;
    private final Map<String, String> skipped;
    private final long startNanos;
    private final BlockingQueue<InterfaceAnswer> arrivals = new LinkedBlockingQueue<>();
    private final Set<String> pending = new LinkedHashSet<>();
    private final List<InterfaceAnswer> answers = new ArrayList<>();

    /**
     * @param skipped    interfaces not asked, with the reason
     * @param startNanos when the resolution started, on {@link System#nanoTime()}'s clock
     */
    ResolutionCollector(String host, AddressFamily family, Map<String, String> skipped, long startNanos) {
        this.host = host;
        this.family = family;
        this.skipped = skipped;
        this.startNanos = startNanos;
    }

    /**
     * @param interfaceName an interface being asked
     * @param answer        its answer to come
     */
    void expect(String interfaceName, CompletableFuture<InterfaceAnswer> answer) {
        pending.add(interfaceName);
        answer.whenComplete((arrived, failure) -> arrivals.add(failure == null ? arrived : broken(interfaceName,
                failure)));
    }

    /**
     * @param enough   the caller's predicate; an exception counts as false
     * @param deadline how long to wait at most, from the start of the resolution
     * @return the resolution when it ended
     */
    Resolution await(Predicate<Resolution> enough, Duration deadline) {
        long deadlineNanos = startNanos + deadline.toNanos();
        while (!pending.isEmpty()) {
            InterfaceAnswer answer;
            try {
                answer = arrivals.poll(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return snapshot(Completion.INTERRUPTED);
            }
            if (answer == null) {
                return snapshot(Completion.DEADLINE);
            }
            answers.add(answer);
            pending.remove(answer.interfaceName());
            if (!pending.isEmpty()) {
                Resolution soFar = snapshot(Completion.IN_PROGRESS);
                if (soFar.hasAddresses() && isEnough(enough, soFar)) {
                    return snapshot(Completion.ENOUGH);
                }
            }
        }
        return snapshot(Completion.ALL_ANSWERED);
    }

    private Resolution snapshot(Completion completion) {
        return new Resolution(host, family, answers, pending, skipped, completion,
                Duration.ofNanos(System.nanoTime() - startNanos));
    }

    private static boolean isEnough(Predicate<Resolution> enough, Resolution soFar) {
        try {
            return enough.test(soFar);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "the predicate deciding whether " + soFar.host() + " is resolved enough threw;"
                    + " waiting for the other interfaces", e);
            return false;
        }
    }

    private InterfaceAnswer broken(String interfaceName, Throwable failure) {
        LOG.log(Level.ERROR, "resolving " + host + " on " + interfaceName + " failed unexpectedly", failure);
        return new InterfaceAnswer(interfaceName, Outcome.FAILED, List.of(), null, Duration.ZERO,
                Duration.ofNanos(System.nanoTime() - startNanos), false, null, "internal error: " + failure);
    }
}
