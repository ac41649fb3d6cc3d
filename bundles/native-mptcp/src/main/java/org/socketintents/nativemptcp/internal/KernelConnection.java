package org.socketintents.nativemptcp.internal;

import java.io.FileDescriptor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SocketChannel;
import java.util.Objects;
import java.util.Optional;

import org.socketintents.api.policy.Transport;
import org.socketintents.api.transport.MptcpInfo;
import org.socketintents.api.transport.NativeConnection;
import org.socketintents.api.transport.TcpInfo;

/** A connected {@link NativeSocket} with what was learned while connecting it. */
final class KernelConnection implements NativeConnection {

    private final NativeSocket socket;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final Transport transport;
    private final String fallbackReason;

    /**
     * @param socket         a connected socket, owned by this connection from now on
     * @param local          its local address
     * @param remote         its remote address
     * @param transport      the transport it runs over
     * @param fallbackReason why it runs over TCP although MPTCP was asked for, or null
     */
    KernelConnection(NativeSocket socket, InetSocketAddress local, InetSocketAddress remote, Transport transport,
                     String fallbackReason) {
        this.socket = Objects.requireNonNull(socket, "socket");
        this.local = Objects.requireNonNull(local, "local");
        this.remote = Objects.requireNonNull(remote, "remote");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.fallbackReason = fallbackReason;
    }

    @Override
    public int descriptor() {
        return socket.descriptor();
    }

    @Override
    public FileDescriptor fileDescriptor() throws IOException {
        return DescriptorCast.fileDescriptor(socket.descriptor());
    }

    @Override
    public InetSocketAddress localAddress() {
        return local;
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return remote;
    }

    @Override
    public Transport transport() {
        return transport;
    }

    @Override
    public Optional<String> fallbackReason() {
        return Optional.ofNullable(fallbackReason);
    }

    @Override
    public TcpInfo tcpInfo() throws IOException {
        byte[] info = new byte[TcpInfoParser.BUFFER_SIZE];
        int length = socket.getBytes(LibC.IPPROTO_TCP, LibC.TCP_INFO, info, "reading TCP_INFO");
        return TcpInfoParser.parse(ByteBuffer.wrap(info, 0, length).order(ByteOrder.nativeOrder()));
    }

    @Override
    public Optional<MptcpInfo> mptcpInfo() throws IOException {
        return MptcpInfoReader.read(socket);
    }

    @Override
    public Socket toSocket() throws IOException {
        Socket adopted = DescriptorCast.socket(socket.descriptor(), local, remote);
        socket.release();
        return adopted;
    }

    @Override
    public SocketChannel toChannel() throws IOException {
        SocketChannel adopted = DescriptorCast.channel(socket.descriptor(), local, remote);
        socket.release();
        return adopted;
    }

    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return transport + " " + SocketAddresses.format(local) + " -> " + SocketAddresses.format(remote)
                + (fallbackReason == null ? "" : ", fallback: " + fallbackReason);
    }
}
