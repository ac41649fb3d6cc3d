package org.socketintents.lab.delay;

import java.lang.System.Logger.Level;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

import org.socketintents.lab.os.LibC;

/**
 * One direction of a link: reads packets from one TUN device, holds each for the configured delay, writes it to the
 * other device. A single thread does both, waiting in ppoll(2) until a packet arrives or the head is due. Packets
 * are read into and written from the slots of one native buffer: the loop allocates nothing per packet, so the
 * garbage collector never pauses it.
 */
final class DelayLoop implements Runnable {

    private static final System.Logger LOG = System.getLogger(DelayLoop.class.getName());
    private static final short POLL_FAILURE = 0x8 | 0x10 | 0x20; // POLLERR | POLLHUP | POLLNVAL

    private final String label;
    private final TunDevice from;
    private final TunDevice to;
    private final DelayQueue queue;
    private final DelayTuning tuning;
    private volatile boolean running = true;
    private volatile long received;
    private volatile long dropped;
    private volatile long delivered;
    private volatile long writeErrors;

    DelayLoop(String label, TunDevice from, TunDevice to, DelayQueue queue, DelayTuning tuning) {
        this.label = label;
        this.from = from;
        this.to = to;
        this.queue = queue;
        this.tuning = tuning;
    }

    void requestStop() {
        running = false;
    }

    @Override
    public void run() {
        tuneThread();
        try (Memory pollfd = new Memory(8); Memory timeout = new Memory(16);
                Memory slots = new Memory((long) queue.slots() * queue.slotBytes());
                Memory overflow = new Memory(queue.slotBytes())) {
            pollfd.setInt(0, from.fd());
            pollfd.setShort(4, LibC.POLLIN);
            long base = Pointer.nativeValue(slots);
            while (running) {
                long now = System.nanoTime();
                deliverDue(now, base);
                long wait = tuning.waitPolicy().pollTimeoutNanos(queue.nanosUntilDue(now));
                timeout.setLong(0, wait / 1_000_000_000L);
                timeout.setLong(8, wait % 1_000_000_000L);
                pollfd.setShort(6, (short) 0);
                int ready = LibC.ppoll(pollfd, 1, timeout, null);
                if (ready < 0) {
                    int errno = Native.getLastError();
                    if (errno != LibC.EINTR) {
                        LOG.log(Level.ERROR, label + ": ppoll failed, errno " + errno + "; delay loop stops");
                        return;
                    }
                } else if (ready > 0) {
                    short revents = pollfd.getShort(6);
                    if ((revents & POLL_FAILURE) != 0) {
                        LOG.log(Level.ERROR, label + ": device gone (poll events 0x" + Integer.toHexString(revents)
                                + "); delay loop stops");
                        return;
                    }
                    receive(base, Pointer.nativeValue(overflow));
                }
            }
        }
    }

    /** Reads one packet into the free slot; with none free, reads it anyway (to drop it) so the device drains. */
    private void receive(long base, long overflow) {
        int slot = queue.freeSlot();
        long target = slot < 0 ? overflow : base + queue.offset(slot);
        long length = LibC.read(from.fd(), target, queue.slotBytes());
        long arrival = System.nanoTime();
        if (length > 0) {
            if (slot < 0) {
                dropped++;
            } else {
                queue.commit((int) length, arrival);
                received++;
            }
        } else if (length < 0) {
            int errno = Native.getLastError();
            if (errno != LibC.EAGAIN && errno != LibC.EINTR) {
                LOG.log(Level.WARNING, label + ": read failed, errno " + errno);
            }
        }
    }

    private void deliverDue(long now, long base) {
        for (int slot = queue.dueSlot(now); slot >= 0; slot = queue.dueSlot(now)) {
            int length = queue.length(slot);
            if (LibC.write(to.fd(), base + queue.offset(slot), length) == length) {
                delivered++;
            } else {
                // The receiving side went down or is being torn down: the packet is lost, as on a real link.
                writeErrors++;
            }
            queue.release();
        }
    }

    private void tuneThread() {
        try {
            // The default 50 us timer slack would add itself to every wake-up.
            LibC.prctl(LibC.PR_SET_TIMERSLACK, 1, 0, 0, 0);
            if (tuning.realtimePriority() > 0) {
                try (Memory param = new Memory(4)) {
                    param.setInt(0, tuning.realtimePriority());
                    LibC.sched_setscheduler(0, LibC.SCHED_FIFO, param);
                }
            }
        } catch (LastErrorException e) {
            LOG.log(Level.WARNING, label + ": thread tuning refused (errno " + e.getErrorCode()
                    + "); the delay will be less accurate");
        }
    }

    LoopCounters counters() {
        return new LoopCounters(received, delivered, dropped, writeErrors);
    }
}
