package org.socketintents.mam.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.socketintents.protocol.ErrorCode;
import org.socketintents.protocol.ErrorReply;
import org.socketintents.protocol.MessageEncoder;
import org.socketintents.protocol.ProtocolException;

/**
 * The MAM's Unix-socket server: accepts clients and gives each a {@link ClientSession}, served by one of a few
 * {@link SessionLoop}s (one per CPU) in turn. A broken client only ever loses its own connection.
 */
@Component(service = MamServer.class, immediate = true, configurationPid = MamConfig.PID)
public final class MamServer implements ClientSession.Owner {

    private static final Logger LOG = System.getLogger(MamServer.class.getName());
    /** How often overdue clients are looked for: the resolution of idle.timeout.s and frame.timeout.ms. */
    private static final long TIMEOUT_CHECK_MILLIS = 100;
    /** How long a client over max.clients waits for a session that is ending before it is refused. */
    private static final long PLACE_WAIT_MILLIS = 100;

    private final SessionServices services;
    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong sessionIds = new AtomicLong();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder protocolErrors = new LongAdder();
    private final Accounts accounts = Accounts.local();
    private final ScheduledExecutorService timeouts = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "mam-client-timeouts");
        thread.setDaemon(true);
        return thread;
    });
    private volatile MamSettings settings;
    private Listener listener;
    private final SessionLoop[] loops;
    private int nextLoop;
    /** System.nanoTime() when the acceptor last waited for a place in vain; the acceptor's only. */
    private long lastFruitlessWait = System.nanoTime() - TimeUnit.SECONDS.toNanos(2);

    /** The bound socket and the thread accepting on it. */
    private record Listener(Path path, SocketFile.Access access, SocketFile socket, Thread acceptor) {
    }

    @Activate
    public MamServer(@Reference DecisionEngine engine, @Reference StatisticsReporter statistics,
                     @Reference DelegatedConnects connects, MamConfig config) throws IOException {
        this.services = new SessionServices(engine, statistics, connects);
        settings = MamSettings.of(config, MamSettings.DEFAULTS, accounts);
        loops = startLoops(UnixSockets.available().selectorProvider());
        try {
            listener = listen(settings.socketPath(), SocketFile.Access.of(settings));
        } catch (IOException | RuntimeException e) {
            for (SessionLoop loop : loops) {
                loop.close();
            }
            throw e;
        }
        timeouts.scheduleWithFixedDelay(this::closeOverdueClients, TIMEOUT_CHECK_MILLIS, TIMEOUT_CHECK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    private SessionLoop[] startLoops(SelectorProvider provider) throws IOException {
        SessionLoop[] started = new SessionLoop[Runtime.getRuntime().availableProcessors()];
        for (int i = 0; i < started.length; i++) {
            started[i] = new SessionLoop("mam-sessions-" + (i + 1), provider, services.spinner(),
                    () -> settings.readSpinMicros()).start();
        }
        return started;
    }

    @Modified
    synchronized void modified(MamConfig config) throws IOException {
        settings = MamSettings.of(config, settings, accounts);
        Path path = settings.socketPath();
        SocketFile.Access access = SocketFile.Access.of(settings);
        if (!path.equals(listener.path())) {
            Listener previous = listener;
            listener = listen(path, access);
            stop(previous);
        } else if (!access.equals(listener.access())) {
            access.applyTo(path);
            listener = new Listener(path, access, listener.socket(), listener.acceptor());
        }
    }

    @Deactivate
    synchronized void deactivate() {
        timeouts.shutdownNow();
        stop(listener);
        for (ClientSession session : sessions) {
            session.close();
        }
        for (SessionLoop loop : loops) {
            loop.close();
        }
        services.blocking().close();
    }

    private void closeOverdueClients() {
        long now = System.nanoTime();
        for (ClientSession session : sessions) {
            session.closeIfOverdue(now);
        }
    }

    private Listener listen(Path path, SocketFile.Access access) throws IOException {
        SocketFile socket = SocketFile.bind(path, access);
        Thread acceptor = new Thread(() -> accept(socket.channel()), "mam-accept " + path);
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.log(Level.INFO, "MAM listening on " + path);
        return new Listener(path, access, socket, acceptor);
    }

    private void stop(Listener stopped) {
        try {
            stopped.socket().close();
            stopped.acceptor().join(2000);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Closing or removing " + stopped.path() + " failed: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.log(Level.INFO, "MAM stopped listening on " + stopped.path());
    }

    private void accept(ServerSocketChannel channel) {
        while (channel.isOpen()) {
            SocketChannel client;
            try {
                client = channel.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Accepting a client failed: " + e);
                continue;
            }
            accepted.increment();
            if (!placeFor(settings.maxClients())) {
                refuse(client);
                continue;
            }
            ClientSession session = new ClientSession(sessionIds.incrementAndGet(), client, services,
                    () -> settings, accounts, this);
            sessions.add(session);
            session.start(loops[nextLoop]);
            nextLoop = (nextLoop + 1) % loops.length;
        }
    }

    /**
     * Whether a client may be served, waiting a little for sessions whose clients have hung up to end: a client
     * that reconnects at once must not find its own last connection still counted. A wait that found no place
     * is not repeated within a second, so that a flood of connections over the limit is refused at once.
     */
    private boolean placeFor(int maxClients) {
        long now = System.nanoTime();
        if (sessions.size() >= maxClients && now - lastFruitlessWait < TimeUnit.SECONDS.toNanos(1)) {
            return false;
        }
        long due = now + TimeUnit.MILLISECONDS.toNanos(PLACE_WAIT_MILLIS);
        while (sessions.size() >= maxClients) {
            if (System.nanoTime() - due > 0) {
                lastFruitlessWait = System.nanoTime();
                return false;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private void refuse(SocketChannel client) {
        refused.increment();
        int maxClients = settings.maxClients();
        LOG.log(Level.WARNING, "Refusing a client: " + maxClients + " clients are connected (max.clients)");
        try (client) {
            ByteBuffer reply = MessageEncoder.encode(new ErrorReply(0, ErrorCode.OVERLOADED,
                    "the MAM serves at most " + maxClients + " clients at once"));
            client.configureBlocking(false);
            client.write(reply);
        } catch (IOException e) {
            LOG.log(Level.TRACE, "refused client went away", e);
        }
    }

    @Override
    public void sessionClosed(ClientSession session) {
        sessions.remove(session);
    }

    @Override
    public void protocolError(ProtocolException error) {
        protocolErrors.increment();
    }

    /** @return a snapshot of the server's counters */
    ServerStatus status() {
        Listener current;
        synchronized (this) {
            current = listener;
        }
        return new ServerStatus(current.path(), sessions.size(), accepted.sum(), refused.sum(), protocolErrors.sum());
    }

    /**
     * @param path           the socket
     * @param clients        clients connected now
     * @param accepted       connections accepted since start
     * @param refused        connections refused over max.clients
     * @param protocolErrors connections closed for breaking the protocol
     */
    record ServerStatus(Path path, int clients, long accepted, long refused, long protocolErrors) {
    }
}
