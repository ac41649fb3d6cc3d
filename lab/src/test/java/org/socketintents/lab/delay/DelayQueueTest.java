package org.socketintents.lab.delay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The delay line's schedule, driven by a fake clock (plain numbers of nanoseconds). */
class DelayQueueTest {

    private static final long MS = 1_000_000;

    /** Stands for writing a packet into the free slot, as the loop does, and committing it. */
    private static int arrive(DelayQueue queue, int length, long now) {
        int slot = queue.freeSlot();
        if (slot >= 0) {
            queue.commit(length, now);
        }
        return slot;
    }

    @Test
    void packetIsReleasedExactlyOneDelayAfterItArrived() {
        DelayQueue queue = new DelayQueue(5 * MS, 8, 2048);
        long arrival = 1_000 * MS;

        int slot = arrive(queue, 100, arrival);

        assertEquals(-1, queue.dueSlot(arrival));
        assertEquals(-1, queue.dueSlot(arrival + 5 * MS - 1));
        assertEquals(1, queue.nanosUntilDue(arrival + 5 * MS - 1));
        assertEquals(slot, queue.dueSlot(arrival + 5 * MS));
        assertEquals(100, queue.length(slot));
        queue.release();
        assertEquals(-1, queue.dueSlot(arrival + 5 * MS));
    }

    @Test
    void packetsLeaveInArrivalOrderEachAfterItsOwnDelay() {
        DelayQueue queue = new DelayQueue(35 * MS, 64, 2048);
        List<Integer> lengths = new ArrayList<>();
        List<Long> departures = new ArrayList<>();
        int next = 0;
        for (long now = 0; now <= 50 * MS; now += MS / 2) {
            for (int slot = queue.dueSlot(now); slot >= 0; slot = queue.dueSlot(now)) {
                lengths.add(queue.length(slot));
                departures.add(now);
                queue.release();
            }
            if (now % MS == 0 && next < 10) {
                arrive(queue, 100 + next++, now);
            }
        }

        assertEquals(List.of(100, 101, 102, 103, 104, 105, 106, 107, 108, 109), lengths);
        for (int i = 0; i < 10; i++) {
            assertEquals((35 + i) * MS, departures.get(i));
        }
    }

    @Test
    void latePollReleasesEverythingDueAtOnce() {
        DelayQueue queue = new DelayQueue(10 * MS, 8, 2048);
        arrive(queue, 1, 0);
        arrive(queue, 2, MS);
        arrive(queue, 3, 30 * MS);

        int released = 0;
        while (queue.dueSlot(20 * MS) >= 0) {
            queue.release();
            released++;
        }

        assertEquals(2, released);
        assertEquals(20 * MS, queue.nanosUntilDue(20 * MS));
    }

    @Test
    void emptyQueueHasNothingDue() {
        DelayQueue queue = new DelayQueue(MS, 8, 2048);

        assertEquals(Long.MAX_VALUE, queue.nanosUntilDue(0));
        assertEquals(-1, queue.dueSlot(Long.MAX_VALUE));
        assertThrows(IllegalStateException.class, queue::release);
    }

    @Test
    void dueTimesSurviveTheNanoTimeWrap() {
        DelayQueue queue = new DelayQueue(10 * MS, 8, 2048);
        long arrival = Long.MAX_VALUE - 2 * MS;
        int slot = arrive(queue, 60, arrival);

        assertEquals(-1, queue.dueSlot(Long.MAX_VALUE));
        assertEquals(8 * MS, queue.nanosUntilDue(Long.MAX_VALUE));
        assertEquals(slot, queue.dueSlot(arrival + 10 * MS));
    }

    @Test
    void fullRingRefusesUntilTheHeadLeavesAndSlotsAreReused() {
        DelayQueue queue = new DelayQueue(MS, 2, 2048);

        assertEquals(0, arrive(queue, 1500, 0));
        assertEquals(1, arrive(queue, 1500, 0));
        assertEquals(-1, arrive(queue, 60, 0));
        assertEquals(0, queue.dueSlot(MS));
        queue.release();
        assertEquals(0, arrive(queue, 60, MS));
        assertEquals(2, queue.size());
        assertEquals(2048, queue.offset(1));
    }

    @Test
    void packetsLongerThanASlotAreRefused() {
        DelayQueue queue = new DelayQueue(MS, 2, 2048);

        assertThrows(IllegalArgumentException.class, () -> queue.commit(2049, 0));
        assertThrows(IllegalArgumentException.class, () -> queue.commit(0, 0));
    }

    @Test
    void waitPolicySleepsUntilTheSpinWindowThenPollsWithoutSleeping() {
        WaitPolicy policy = new WaitPolicy(200_000, 50 * MS);

        assertEquals(50 * MS, policy.pollTimeoutNanos(Long.MAX_VALUE));
        assertEquals(50 * MS, policy.pollTimeoutNanos(70 * MS));
        assertEquals(5 * MS - 200_000, policy.pollTimeoutNanos(5 * MS));
        assertEquals(0, policy.pollTimeoutNanos(150_000));
        assertEquals(0, policy.pollTimeoutNanos(0));
        assertEquals(5 * MS, new WaitPolicy(0, 50 * MS).pollTimeoutNanos(5 * MS));
    }
}
