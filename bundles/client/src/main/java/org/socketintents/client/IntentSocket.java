package org.socketintents.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.util.Objects;
import java.util.Optional;

import org.socketintents.api.Intent;
import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.client.internal.IntentSocketImpl;

/**
 * A TCP client socket that tells the MAM what the application knows about the connection, and lets the MAM's
 * policy choose how to connect.
 *
 * <p>Intents are socket options: {@link #setOption(SocketOption, Object)}, {@link #getOption(SocketOption)}
 * and {@link #supportedOptions()} take the {@link Intent} constants besides the JDK's options ({@code null}
 * removes an intent; custom intents from {@link Intent#custom(String)} are accepted too, though
 * {@code supportedOptions()} lists only the standard ones):
 * <pre>{@code
 * Socket s = new IntentSocket();
 * s.setOption(Intent.CATEGORY, Category.QUERY);
 * s.connect(InetSocketAddress.createUnresolved("example.org", 80), 5_000);
 * }</pre>
 *
 * <p>On {@code connect} the socket:
 * <ol>
 * <li>if the address is {@linkplain InetSocketAddress#createUnresolved unresolved}, resolves the host through
 *     the MAM, which orders the addresses by policy (an address resolved beforehand, e.g. by
 *     {@code new InetSocketAddress(host, port)}, is the OS resolver's pick and is used as it is);</li>
 * <li>for each address in turn, asks the MAM to decide, sending the intents, the host name and, if the
 *     application {@linkplain #bind(java.net.SocketAddress) bound} the socket, that local address;</li>
 * <li>binds the source address the policy chose, unless the application bound one itself (which is kept), and
 *     connects to the policy's destination;</li>
 * <li>applies the suggested options the JDK supports ({@code TCP_NODELAY}, {@code SO_KEEPALIVE},
 *     {@code SO_RCVBUF}, {@code SO_SNDBUF}, {@code IP_TOS}) unless the application set them itself. A suggested
 *     MPTCP transport is ignored: a socket of the JDK is plain TCP ({@link IntentConnections} gets connections
 *     the MAM made, MPTCP ones included);</li>
 * <li>if the policy's source cannot be bound (the address has gone) or the connection from it or to the
 *     policy's destination fails, tries once more with the OS-default source and the address itself (still
 *     with the suggested options), then goes on to the next address.</li>
 * </ol>
 * The connect timeout covers all attempts together. Intents are advisory: without a MAM, or with one that is
 * slow or failing, the socket connects as a plain {@link Socket} would, after at most the MAM timeout of
 * {@link MamClientConfig}. If no attempt succeeds, the socket is closed and the last attempt's exception is
 * thrown, with the earlier ones suppressed in it.
 *
 * <p>An application that asked the MAM beforehand ({@link MamClient#decide}) follows that decision with
 * {@link #connect(SocketAddress, int, Decision)}, which skips steps 1 and 2.
 *
 * <p>Intents are read when the socket connects; setting one afterwards throws a {@link SocketException}. The
 * socket has no channel ({@link #getChannel()} is null). An {@code IntentSocket} is as thread-safe as a
 * {@link Socket}.
 */
public final class IntentSocket extends Socket {

    private final IntentSocketImpl impl;

    /**
     * An unconnected socket without intents, using {@link MamClient#getDefault()}.
     *
     * @throws SocketException never in practice; {@link Socket#Socket(java.net.SocketImpl)} declares it
     */
    public IntentSocket() throws SocketException {
        this(Intents.none());
    }

    /**
     * An unconnected socket with intents, using {@link MamClient#getDefault()}.
     *
     * @param intents the intents; more may be set with {@link #setOption(SocketOption, Object)}
     * @throws SocketException never in practice; {@link Socket#Socket(java.net.SocketImpl)} declares it
     */
    public IntentSocket(Intents intents) throws SocketException {
        this(intents, MamClient.getDefault());
    }

    /**
     * An unconnected socket with intents, using the given MAM client.
     *
     * @param intents the intents; more may be set with {@link #setOption(SocketOption, Object)}
     * @param mam     the MAM client to ask
     * @throws SocketException never in practice; {@link Socket#Socket(java.net.SocketImpl)} declares it
     */
    public IntentSocket(Intents intents, MamClient mam) throws SocketException {
        this(new IntentSocketImpl(Objects.requireNonNull(intents, "intents"),
                Objects.requireNonNull(mam, "mam").advisor()));
    }

    private IntentSocket(IntentSocketImpl impl) throws SocketException {
        super(impl);
        this.impl = impl;
    }

    /** @return the intents set on this socket */
    public Intents intents() {
        return impl.intents();
    }

    /**
     * @return the MAM's decision for the address this socket connected to; empty before connect and when the
     *         MAM gave none. Whether its source and destination were used shows in {@link #getLocalAddress()}
     *         and {@link #getInetAddress()}: they are not when they did not work.
     */
    public Optional<Decision> decision() {
        return impl.decision();
    }

    /**
     * Connects following a decision the application obtained beforehand from {@link MamClient#decide}, without
     * asking the MAM again: binds the decision's source (unless the application bound the socket), connects to its
     * first destination (else to {@code endpoint}) and applies its suggested options; if that fails, tries the
     * OS-default source and {@code endpoint} itself, as {@link #connect(SocketAddress, int)} does.
     *
     * @param endpoint the resolved address the decision was made for
     * @param timeout  the connect timeout in milliseconds for all attempts together; 0 for none
     * @param decision the decision to follow
     * @throws IllegalArgumentException if the endpoint is not a resolved {@link InetSocketAddress}, or the timeout
     *                                  is negative
     * @throws IOException              if no attempt connects; the socket is closed then
     */
    public void connect(SocketAddress endpoint, int timeout, Decision decision) throws IOException {
        Objects.requireNonNull(decision, "decision");
        if (!(endpoint instanceof InetSocketAddress) || ((InetSocketAddress) endpoint).isUnresolved()) {
            throw new IllegalArgumentException("a decision is followed to a resolved address, not " + endpoint);
        }
        impl.follow(decision);
        try {
            connect(endpoint, timeout);
        } finally {
            impl.follow(null);
        }
    }

    /**
     * Sets a socket option or an {@link Intent}.
     *
     * @return this socket
     * @throws IllegalArgumentException if the value is not valid for the option or intent
     * @throws SocketException          if an intent is set after connect, or the socket is closed
     */
    @Override
    public <T> IntentSocket setOption(SocketOption<T> name, T value) throws IOException {
        super.setOption(name, value);
        return this;
    }
}
