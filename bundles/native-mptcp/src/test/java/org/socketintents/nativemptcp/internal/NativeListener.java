package org.socketintents.nativemptcp.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/**
 * A listening socket made natively, for what the JDK cannot listen with: MPTCP, and a backlog of 0 (the JDK turns
 * it into 50). Accepted connections come back as junixsocket-adopted sockets.
 */
final class NativeListener implements AutoCloseable {

    private static final Duration ACCEPT_TIMEOUT = Duration.ofSeconds(10);

    private final NativeSocket socket;
    private final InetSocketAddress address;

    private NativeListener(NativeSocket socket, InetSocketAddress address) {
        this.socket = socket;
        this.address = address;
    }

    /**
     * @param protocol {@link LibC#IPPROTO_TCP} or {@link LibC#IPPROTO_MPTCP}
     * @param host     the address to listen on (port chosen by the kernel)
     * @param backlog  listen(2)'s backlog
     */
    static NativeListener open(int protocol, InetAddress host, int backlog) throws IOException {
        int family = SocketAddresses.family(host);
        NativeSocket socket = NativeSocket.open(family, LibC.SOCK_STREAM, protocol, "test listener");
        try {
            socket.bind(new InetSocketAddress(host, 0));
            TestLibC.listen(socket.descriptor(), backlog);
            return new NativeListener(socket, socket.localAddress());
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    InetSocketAddress address() {
        return address;
    }

    /** Returns once a connection waits in the accept queue (the kernel completed its handshake). */
    void awaitPending() throws IOException {
        socket.await(LibC.POLLIN, "waiting for a connection", ACCEPT_TIMEOUT);
    }

    /** @return the next connection, in blocking mode */
    Socket accept() throws IOException {
        awaitPending();
        byte[] peer = new byte[SocketAddresses.STORAGE_SIZE];
        int[] length = {peer.length};
        int fd = TestLibC.accept4(socket.descriptor(), peer, length, LibC.SOCK_CLOEXEC);
        return DescriptorCast.socket(fd, address, SocketAddresses.decode(peer, 0, length[0]));
    }

    @Override
    public void close() {
        socket.close();
    }
}
