package org.socketintents.lab.cli;

import java.util.List;
import java.util.Set;

import org.socketintents.lab.delay.DelayTuning;
import org.socketintents.lab.delay.WaitPolicy;
import org.socketintents.lab.topology.Layout;

/** Options several commands share: the lab's name and the delay loops' scheduling. */
final class LabOptions {

    static final String NAME = "--name";
    static final String SPIN_US = "--spin-us";
    static final String RT_PRIORITY = "--rt-priority";
    static final Set<String> TUNING = Set.of(SPIN_US, RT_PRIORITY);

    private LabOptions() {
    }

    static String name(Options options) {
        return options.value(NAME, Layout.DEFAULT_NAME);
    }

    static DelayTuning tuning(Options options) throws UsageException {
        DelayTuning defaults = DelayTuning.DEFAULT;
        long spinMicros = options.number(SPIN_US, defaults.waitPolicy().spinNanos() / 1_000, 0, 10_000);
        long priority = options.number(RT_PRIORITY, defaults.realtimePriority(), 0, 99);
        return new DelayTuning(new WaitPolicy(spinMicros * 1_000, defaults.waitPolicy().idleNanos()), (int) priority);
    }

    /** The options that reproduce {@code tuning} on another command line. */
    static List<String> arguments(DelayTuning tuning) {
        return List.of(SPIN_US, Long.toString(tuning.waitPolicy().spinNanos() / 1_000),
                RT_PRIORITY, Integer.toString(tuning.realtimePriority()));
    }
}
