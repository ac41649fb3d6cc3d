package org.socketintents.mam.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * The MAM's Unix-socket server: accepts clients and gives each a {@link ClientSession}. A broken client only
 * ever loses its own connection.
 */
@Component(service = MamServer.class, immediate = true, configurationPid = MamConfig.PID)
public final class MamServer implements ClientSession.Owner {

    private static final Logger LOG = System.getLogger(MamServer.class.getName());

    private final SessionServices services;
    private final Set<ClientSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicLong sessionIds = new AtomicLong();
    private final LongAdder accepted = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final LongAdder protocolErrors = new LongAdder();
    private volatile MamSettings settings;
    private Listener listener;

    /** The bound socket and the thread accepting on it. */
    private record Listener(Path path, Set<PosixFilePermission> mode, SocketFile socket, Thread acceptor) {
    }

    @Activate
    public MamServer(@Reference DecisionEngine engine, @Reference StatisticsReporter statistics,
                     @Reference DelegatedConnects connects, MamConfig config) throws IOException {
        this.services = new SessionServices(engine, statistics, connects);
        settings = MamSettings.of(config, MamSettings.DEFAULTS);
        listener = listen(settings.socketPath(), settings.socketMode());
    }

    @Modified
    synchronized void modified(MamConfig config) throws IOException {
        settings = MamSettings.of(config, settings);
        Path path = settings.socketPath();
        Set<PosixFilePermission> mode = settings.socketMode();
        if (!path.equals(listener.path())) {
            Listener previous = listener;
            listener = listen(path, mode);
            stop(previous);
        } else if (!mode.equals(listener.mode())) {
            Files.setPosixFilePermissions(path, mode);
            listener = new Listener(path, mode, listener.socket(), listener.acceptor());
        }
    }

    @Deactivate
    synchronized void deactivate() {
        stop(listener);
        for (ClientSession session : sessions) {
            session.close();
        }
    }

    private Listener listen(Path path, Set<PosixFilePermission> mode) throws IOException {
        SocketFile socket = SocketFile.bind(path, mode);
        Thread acceptor = new Thread(() -> accept(socket.channel()), "mam-accept " + path);
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.log(Level.INFO, "MAM listening on " + path);
        return new Listener(path, mode, socket, acceptor);
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
            if (sessions.size() >= settings.maxClients()) {
                refuse(client);
                continue;
            }
            ClientSession session = new ClientSession(sessionIds.incrementAndGet(), client, services,
                    () -> settings.maxFrameBytes(), this);
            sessions.add(session);
            session.start();
        }
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
