package org.socketintents.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;
import java.net.SocketOption;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.socketintents.api.Intent;
import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;

/**
 * The implementation behind an {@code IntentSocket}: it keeps the socket's intents and hands everything else
 * to a plain JDK {@link Socket}.
 *
 * <p>It delegates rather than being the OS socket because one connect may need several OS sockets: a socket
 * bound to a source that turns out unusable, or one whose connect failed, cannot be unbound or reused. Options
 * the application sets before connecting are therefore remembered and set again on each socket tried.
 */
public final class IntentSocketImpl extends SocketImpl {

    private final IntentConnector connector;
    private final OptionSettings options = new OptionSettings();
    private final Object lock = new Object();
    private Intents intents;
    private Socket current;
    private InetSocketAddress bindRequest;
    private InetSocketAddress boundAddress;
    private boolean connected;
    private boolean closed;
    private volatile Decision decision;
    /** A decision the next connect follows instead of asking the MAM; set only around that connect. */
    private volatile Decision toFollow;

    /**
     * @param intents the socket's initial intents
     * @param mam     the MAM to ask
     */
    public IntentSocketImpl(Intents intents, MamAdvisor mam) {
        this.intents = Objects.requireNonNull(intents, "intents");
        this.connector = new IntentConnector(mam);
    }

    /** @return the socket's intents */
    public Intents intents() {
        synchronized (lock) {
            return intents;
        }
    }

    /** @return the MAM's decision for the address connected to; empty before connect or when the MAM gave none */
    public Optional<Decision> decision() {
        return Optional.ofNullable(decision);
    }

    /**
     * @param decision the decision the next connect follows without asking the MAM, or null to ask it again
     */
    public void follow(Decision decision) {
        toFollow = decision;
    }

    @Override
    protected void create(boolean stream) throws IOException {
        if (!stream) {
            throw new SocketException("an IntentSocket is a stream socket");
        }
        synchronized (lock) {
            current = new Socket();
        }
    }

    @Override
    protected void connect(String host, int port) throws IOException {
        connect(new InetSocketAddress(host, port), 0);
    }

    @Override
    protected void connect(InetAddress address, int port) throws IOException {
        connect(new InetSocketAddress(address, port), 0);
    }

    @Override
    protected void connect(SocketAddress address, int timeout) throws IOException {
        socket(); // a socket closed by a failed connect must not bother the MAM again
        try {
            Decision given = toFollow;
            IntentConnector.Connected connection = given == null
                    ? connector.connect((InetSocketAddress) address, timeout, intents(), new Attempts(), options)
                    : connector.follow((InetSocketAddress) address, given, timeout, new Attempts(), options);
            Socket socket = connection.socket();
            synchronized (lock) {
                if (closed) {
                    socket.close();
                    throw new SocketException("Socket closed");
                }
                current = socket;
                connected = true;
            }
            decision = connection.decision();
            this.address = socket.getInetAddress();
            this.port = socket.getPort();
            this.localport = socket.getLocalPort();
        } catch (IOException | RuntimeException e) {
            // As with the JDK's own sockets, a socket whose connect failed is closed.
            closeAfter(e);
            throw e;
        }
    }

    @Override
    protected void bind(InetAddress host, int port) throws IOException {
        InetSocketAddress requested = new InetSocketAddress(host, port);
        Socket socket = socket();
        socket.bind(requested);
        synchronized (lock) {
            bindRequest = requested;
            boundAddress = (InetSocketAddress) socket.getLocalSocketAddress();
        }
        this.localport = socket.getLocalPort();
    }

    @Override
    protected void listen(int backlog) throws IOException {
        throw new SocketException("an IntentSocket connects; it does not listen");
    }

    @Override
    protected void accept(SocketImpl s) throws IOException {
        throw new SocketException("an IntentSocket connects; it does not accept");
    }

    @Override
    protected InputStream getInputStream() throws IOException {
        return socket().getInputStream();
    }

    @Override
    protected OutputStream getOutputStream() throws IOException {
        return socket().getOutputStream();
    }

    @Override
    protected int available() throws IOException {
        return socket().getInputStream().available();
    }

    @Override
    protected void close() throws IOException {
        Socket socket;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            socket = current;
        }
        if (socket != null) {
            socket.close();
        }
    }

    private void closeAfter(Exception failure) {
        try {
            close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }

    @Override
    protected void shutdownInput() throws IOException {
        socket().shutdownInput();
    }

    @Override
    protected void shutdownOutput() throws IOException {
        socket().shutdownOutput();
    }

    @Override
    protected boolean supportsUrgentData() {
        return true;
    }

    @Override
    protected void sendUrgentData(int data) throws IOException {
        socket().sendUrgentData(data);
    }

    @Override
    public void setOption(int id, Object value) throws SocketException {
        SocketOption<?> option = LegacyOptions.option(id);
        try {
            options.set(socket(), option, LegacyOptions.toOptionValue(option, value));
        } catch (IOException e) {
            throw socketException(e);
        }
    }

    @Override
    public Object getOption(int id) throws SocketException {
        if (id == SO_BINDADDR) {
            return socket().getLocalAddress();
        }
        SocketOption<?> option = LegacyOptions.option(id);
        try {
            return LegacyOptions.toLegacyValue(option, OptionSettings.read(socket(), option));
        } catch (IOException e) {
            throw socketException(e);
        }
    }

    @Override
    protected <T> void setOption(SocketOption<T> name, T value) throws IOException {
        if (name instanceof Intent) {
            setIntent((Intent<?>) name, value);
        } else {
            options.set(socket(), name, value);
        }
    }

    @Override
    protected <T> T getOption(SocketOption<T> name) throws IOException {
        if (name instanceof Intent) {
            return name.type().cast(intents().get((Intent<?>) name).orElse(null));
        }
        return name.type().cast(OptionSettings.read(socket(), name));
    }

    @Override
    protected Set<SocketOption<?>> supportedOptions() {
        Set<SocketOption<?>> supported = new HashSet<>(Intent.standard());
        Socket socket;
        synchronized (lock) {
            socket = current;
        }
        supported.addAll(socket.supportedOptions());
        return supported;
    }

    private void setIntent(Intent<?> intent, Object value) throws SocketException {
        synchronized (lock) {
            if (closed) {
                throw new SocketException("Socket closed");
            }
            if (connected) {
                throw new SocketException("intents are read when the socket connects: set " + intent.name()
                        + " before connect");
            }
            intents = value == null ? intents.toBuilder().remove(intent).build() : with(intents, intent, value);
        }
    }

    private static <V> Intents with(Intents intents, Intent<V> intent, Object value) {
        return intents.toBuilder().set(intent, intent.checkValue(value)).build();
    }

    /** @return the socket being configured, tried or used */
    private Socket socket() throws SocketException {
        synchronized (lock) {
            if (closed) {
                throw new SocketException("Socket closed");
            }
            return current;
        }
    }

    private static SocketException socketException(IOException e) {
        if (e instanceof SocketException) {
            return (SocketException) e;
        }
        SocketException wrapped = new SocketException(e.getMessage());
        wrapped.initCause(e);
        return wrapped;
    }

    /** The sockets one connect tries: first the one the application configured, then fresh copies of it. */
    private final class Attempts implements AttemptSockets {
        private boolean first = true;

        @Override
        public InetSocketAddress applicationBinding() {
            synchronized (lock) {
                return boundAddress;
            }
        }

        @Override
        public Socket next(InetAddress source) throws IOException {
            Socket socket = first ? socket() : options.newSocket();
            first = false;
            try {
                InetSocketAddress binding;
                synchronized (lock) {
                    binding = bindRequest;
                }
                if (binding != null) {
                    if (!socket.isBound()) {
                        socket.bind(binding);
                    }
                } else if (source != null) {
                    socket.bind(new InetSocketAddress(source, 0));
                }
                synchronized (lock) {
                    if (closed) {
                        throw new SocketException("Socket closed");
                    }
                    current = socket;
                }
                return socket;
            } catch (IOException | RuntimeException e) {
                socket.close();
                throw e;
            }
        }

        @Override
        public boolean isClosed() {
            synchronized (lock) {
                return closed;
            }
        }
    }
}
