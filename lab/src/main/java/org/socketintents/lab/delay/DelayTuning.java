package org.socketintents.lab.delay;

/**
 * Scheduling of the delay loops.
 *
 * @param waitPolicy when to sleep and when to spin
 * @param realtimePriority SCHED_FIFO priority of the loop threads (1-99), or 0 to stay in the normal class; a
 *        real-time loop keeps its accuracy while the machine is busy compiling
 */
public record DelayTuning(WaitPolicy waitPolicy, int realtimePriority) {

    public static final DelayTuning DEFAULT = new DelayTuning(new WaitPolicy(200_000, 50_000_000), 10);

    public DelayTuning {
        if (realtimePriority < 0 || realtimePriority > 99) {
            throw new IllegalArgumentException("real-time priority must be 0 (off) to 99: " + realtimePriority);
        }
    }
}
