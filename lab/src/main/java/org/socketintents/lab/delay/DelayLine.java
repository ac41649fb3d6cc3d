package org.socketintents.lab.delay;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import org.socketintents.lab.os.NetNamespace;
import org.socketintents.lab.topology.Direction;
import org.socketintents.lab.topology.LinkLayout;
import org.socketintents.lab.topology.Pipe;

/**
 * One emulated link: a TUN device in the client namespace, one in the server namespace, and a delay loop per
 * direction between them. The devices live as long as this object holds their descriptors.
 */
public final class DelayLine implements AutoCloseable {

    /** A slot holds one packet: the TUN devices keep the default MTU of 1500 bytes. */
    static final int SLOT_BYTES = 2048;
    /** Four times the full-size packets a full pipe holds, and never fewer slots than this. */
    private static final int MIN_SLOTS = 1024;
    private static final Duration JOIN_TIMEOUT = Duration.ofSeconds(2);

    private final LinkLayout link;
    private final TunDevice client;
    private final TunDevice server;
    private final Map<Direction, DelayLoop> loops = new EnumMap<>(Direction.class);
    private final Map<Direction, Thread> threads = new EnumMap<>(Direction.class);

    private DelayLine(LinkLayout link, TunDevice client, TunDevice server, DelayTuning tuning) {
        this.link = link;
        this.client = client;
        this.server = server;
        for (Direction direction : Direction.values()) {
            Pipe pipe = link.link().pipe(direction);
            long inFlight = pipe.rate().bytesPerSecond() * pipe.delay().toNanos() / 1_000_000_000L;
            int slots = (int) Math.min(Integer.MAX_VALUE / SLOT_BYTES, Math.max(MIN_SLOTS, 4 * inFlight / 1500));
            DelayQueue queue = new DelayQueue(pipe.delay().toNanos(), slots, SLOT_BYTES);
            String label = link.link().name() + "/" + direction.label();
            DelayLoop loop = direction == Direction.UP
                    ? new DelayLoop(label, client, server, queue, tuning)
                    : new DelayLoop(label, server, client, queue, tuning);
            loops.put(direction, loop);
            Thread thread = new Thread(loop, "delay-" + label);
            thread.setDaemon(true);
            threads.put(direction, thread);
        }
    }

    /** Creates the link's two TUN devices, each directly in its namespace; the loops start with {@link #start()}. */
    public static DelayLine open(LinkLayout link, String clientNamespace, String serverNamespace, DelayTuning tuning)
            throws IOException {
        TunDevice client = NetNamespace.call(clientNamespace, () -> TunDevice.create(link.clientDevice()));
        try {
            TunDevice server = NetNamespace.call(serverNamespace, () -> TunDevice.create(link.serverDevice()));
            return new DelayLine(link, client, server, tuning);
        } catch (IOException | RuntimeException e) {
            client.close();
            throw e;
        }
    }

    public LinkLayout link() {
        return link;
    }

    public void start() {
        threads.values().forEach(Thread::start);
    }

    /** Asks both loops to stop without waiting, so that many lines can be stopped at once. */
    public void requestStop() {
        loops.values().forEach(DelayLoop::requestStop);
    }

    public LoopCounters counters(Direction direction) {
        return loops.get(direction).counters();
    }

    /** Stops the loops and closes the devices' descriptors; the kernel removes the devices shortly after. */
    @Override
    public void close() {
        requestStop();
        for (Thread thread : threads.values()) {
            if (thread.isAlive()) {
                try {
                    thread.join(JOIN_TIMEOUT.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        client.close();
        server.close();
    }
}
