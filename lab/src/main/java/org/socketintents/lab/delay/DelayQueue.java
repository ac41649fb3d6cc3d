package org.socketintents.lab.delay;

/**
 * The schedule of one direction of a link: a ring of packet slots, each holding a packet due a fixed delay after it
 * arrived, in arrival order. Only the bookkeeping lives here (which slot, how long, when due); the bytes stay in
 * the loop's native buffer at {@link #offset(int)}, so that the loop allocates nothing per packet. Pure: the caller
 * passes the clock's readings, so the schedule can be checked with a fake clock.
 */
public final class DelayQueue {

    private final long delayNanos;
    private final int slotBytes;
    private final long[] dueNanos;
    private final int[] lengths;
    private int head;
    private int size;

    public DelayQueue(long delayNanos, int slots, int slotBytes) {
        if (delayNanos < 0 || slots <= 0 || slotBytes <= 0) {
            throw new IllegalArgumentException("delay must be >= 0, slots and slot size > 0");
        }
        this.delayNanos = delayNanos;
        this.slotBytes = slotBytes;
        this.dueNanos = new long[slots];
        this.lengths = new int[slots];
    }

    /** The slot the next packet goes into, or -1 when every slot holds a packet (the packet is to be dropped). */
    public int freeSlot() {
        return size == lengths.length ? -1 : (head + size) % lengths.length;
    }

    /** Queues the packet just written into {@link #freeSlot()}, which arrived at {@code arrivalNanos}. */
    public void commit(int length, long arrivalNanos) {
        int slot = freeSlot();
        if (slot < 0) {
            throw new IllegalStateException("no free slot");
        }
        if (length <= 0 || length > slotBytes) {
            throw new IllegalArgumentException("packet length " + length + " outside 1.." + slotBytes);
        }
        dueNanos[slot] = arrivalNanos + delayNanos;
        lengths[slot] = length;
        size++;
    }

    /** The head's slot if the head is due at {@code nowNanos}, else -1. */
    public int dueSlot(long nowNanos) {
        return size > 0 && dueNanos[head] - nowNanos <= 0 ? head : -1;
    }

    /** Removes the head, once it has been sent. */
    public void release() {
        if (size == 0) {
            throw new IllegalStateException("queue is empty");
        }
        head = (head + 1) % lengths.length;
        size--;
    }

    /** Nanoseconds until the head is due (0 if it is), or {@link Long#MAX_VALUE} when the queue is empty. */
    public long nanosUntilDue(long nowNanos) {
        return size == 0 ? Long.MAX_VALUE : Math.max(0, dueNanos[head] - nowNanos);
    }

    public int length(int slot) {
        return lengths[slot];
    }

    /** Where a slot's bytes start in a buffer of {@link #slots()} times {@link #slotBytes()} bytes. */
    public long offset(int slot) {
        return (long) slot * slotBytes;
    }

    public int size() {
        return size;
    }

    public int slots() {
        return lengths.length;
    }

    public int slotBytes() {
        return slotBytes;
    }
}
