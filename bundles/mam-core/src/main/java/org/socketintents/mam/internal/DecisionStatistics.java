package org.socketintents.mam.internal;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

import org.socketintents.protocol.DecisionOutcome;

/** Counts decisions by outcome, for mam:status. */
final class DecisionStatistics {

    private final Map<DecisionOutcome, LongAdder> byOutcome = new EnumMap<>(DecisionOutcome.class);
    private final LongAdder resolutionFailures = new LongAdder();

    DecisionStatistics() {
        for (DecisionOutcome outcome : DecisionOutcome.values()) {
            byOutcome.put(outcome, new LongAdder());
        }
    }

    void record(DecisionOutcome outcome) {
        byOutcome.get(outcome).increment();
    }

    void countResolutionFailure() {
        resolutionFailures.increment();
    }

    long count(DecisionOutcome outcome) {
        return byOutcome.get(outcome).sum();
    }

    long resolutionFailures() {
        return resolutionFailures.sum();
    }
}
