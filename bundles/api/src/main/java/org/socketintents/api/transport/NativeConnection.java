package org.socketintents.api.transport;

import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.socketintents.api.policy.Transport;

/**
 * A connected stream socket opened by {@link NativeSockets#connect(ConnectSpec)}, in blocking mode, owned by this
 * object until it is closed or handed over.
 *
 * <p>Two ways to pass it on:
 * <ul>
 * <li>to another process: send {@link #fileDescriptor()} with SCM_RIGHTS (e.g. junixsocket's
 * {@code setOutboundFileDescriptors}), then {@link #close()} this copy; the receiver's duplicate stays open;</li>
 * <li>in this process: {@link #toSocket()} or {@link #toChannel()}, which take the descriptor over.</li>
 * </ul>
 */
@ProviderType
public interface NativeConnection extends Closeable {

    /**
     * @return the socket's file descriptor number
     * @throws IllegalStateException once closed or handed over
     */
    int descriptor();

    /**
     * @return the descriptor as a {@link FileDescriptor}, e.g. to send it to another process; it does not own the
     *         socket and is valid until this connection is closed or handed over
     * @throws IOException           if the descriptor cannot be represented (junixsocket's native library missing)
     * @throws IllegalStateException once closed or handed over
     */
    FileDescriptor fileDescriptor() throws IOException;

    /** @return the local address and port, as the kernel bound them */
    InetSocketAddress localAddress();

    /** @return the remote address and port that answered */
    InetSocketAddress remoteAddress();

    /**
     * @return the transport the connection runs over once connected: {@link Transport#MPTCP} only when an MPTCP
     *         socket completed the MPTCP handshake; TCP otherwise (see {@link #fallbackReason()})
     */
    Transport transport();

    /** @return why the connection runs over TCP although MPTCP was asked for; empty otherwise */
    Optional<String> fallbackReason();

    /**
     * @return the kernel's TCP statistics; for an MPTCP connection, those of its first subflow
     * @throws IOException if the kernel does not answer, or the connection is closed
     */
    TcpInfo tcpInfo() throws IOException;

    /**
     * @return the MPTCP state with every subflow; empty when the connection runs over plain TCP (a TCP socket, or an
     *         MPTCP socket that fell back to TCP)
     * @throws IOException if the kernel does not answer, or the connection is closed
     */
    Optional<MptcpInfo> mptcpInfo() throws IOException;

    /**
     * Hands the descriptor over to a {@link Socket} of this process. Closing the socket closes the descriptor; this
     * connection no longer owns it ({@link #close()} does nothing after this).
     *
     * @return a connected socket whose address getters return {@link InetSocketAddress}es
     * @throws IOException           if junixsocket cannot adopt the descriptor; this connection still owns it then
     * @throws IllegalStateException once closed or handed over
     */
    Socket toSocket() throws IOException;

    /**
     * Hands the descriptor over to a {@link SocketChannel} of this process (junixsocket's: it can be registered with a
     * selector from its own provider; its address getters return junixsocket's generic addresses, so take
     * {@link #localAddress()} and {@link #remoteAddress()} from here). Closing the channel closes the descriptor.
     *
     * @return a connected channel in blocking mode
     * @throws IOException           if junixsocket cannot adopt the descriptor; this connection still owns it then
     * @throws IllegalStateException once closed or handed over
     */
    SocketChannel toChannel() throws IOException;

    /** Closes the descriptor unless it was handed over. Idempotent. */
    @Override
    void close();
}
