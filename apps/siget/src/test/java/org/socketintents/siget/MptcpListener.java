package org.socketintents.siget;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.newsclub.net.unix.AFSocket;
import org.newsclub.net.unix.FileDescriptorCast;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * A listening MPTCP socket on 127.0.0.1, made through JNA since the JDK can create none: the test server on it
 * speaks MPTCP to clients that do. It records the protocol of every connection it accepts, as the kernel reports it
 * (SO_PROTOCOL): {@link #IPPROTO_MPTCP} for a client that connected with MPTCP, TCP's 6 for one that did not.
 */
final class MptcpListener implements TestServer.Listener {

    static final int IPPROTO_MPTCP = 262;

    private static final int AF_INET = 2;
    private static final int SOCK_STREAM = 1;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_PROTOCOL = 38;
    private static final int SHUT_RDWR = 2;
    private static final int SOCKADDR_IN = 16;

    private final int descriptor;
    private final int port;
    private final List<Integer> protocols = new CopyOnWriteArrayList<>();

    private MptcpListener(int descriptor, int port) {
        this.descriptor = descriptor;
        this.port = port;
    }

    /**
     * @throws LastErrorException when the kernel has no MPTCP (EPROTONOSUPPORT) or it is disabled (ENOPROTOOPT)
     */
    static MptcpListener open() {
        int fd = LibC.socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, IPPROTO_MPTCP);
        try {
            byte[] address = new byte[SOCKADDR_IN];
            ByteBuffer.wrap(address).order(ByteOrder.nativeOrder()).putShort((short) AF_INET);
            System.arraycopy(InetAddress.getLoopbackAddress().getAddress(), 0, address, 4, 4);
            LibC.bind(fd, address, address.length);
            LibC.listen(fd, 50);
            int[] length = {address.length};
            LibC.getsockname(fd, address, length);
            return new MptcpListener(fd, ByteBuffer.wrap(address, 2, 2).getShort() & 0xFFFF);
        } catch (LastErrorException e) {
            LibC.close(fd);
            throw e;
        }
    }

    /** @return the protocol of each accepted connection, in order */
    List<Integer> protocols() {
        return List.copyOf(protocols);
    }

    @Override
    public TestServer.Accepted accept() throws IOException {
        byte[] peer = new byte[SOCKADDR_IN];
        int fd;
        try {
            fd = LibC.accept4(descriptor, peer, new int[] {peer.length}, SOCK_CLOEXEC);
        } catch (LastErrorException closed) {
            throw new IOException("accept: " + closed.getMessage(), closed);
        }
        int[] protocol = new int[1];
        LibC.getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, protocol, new int[] {Integer.BYTES});
        protocols.add(protocol[0]);
        int peerPort = ByteBuffer.wrap(peer, 2, 2).getShort() & 0xFFFF;
        InetAddress peerAddress = InetAddress.getByAddress(Arrays.copyOfRange(peer, 4, 8));
        return new TestServer.Accepted(adopt(fd, peerPort), peerAddress);
    }

    /**
     * junixsocket's cast sockets only shut their descriptor down when closed: a closeable registered with the socket
     * closes it, through the {@link FileDescriptor} the socket holds.
     */
    private Socket adopt(int fd, int peerPort) throws IOException {
        FileDescriptorCast cast = FileDescriptorCast.unsafeUsing(fd);
        FileDescriptor held = cast.getFileDescriptor();
        AFSocket<?> socket = cast.withLocalPort(port).withRemotePort(peerPort).as(AFSocket.class);
        socket.addCloseable(() -> new FileInputStream(held).close());
        return socket;
    }

    @Override
    public int port() {
        return port;
    }

    /** Shutting the socket down first wakes an accept blocked on it, which closing alone does not. */
    @Override
    public void close() {
        LibC.shutdown(descriptor, SHUT_RDWR);
        LibC.close(descriptor);
    }

    /** The C library calls of the listener. */
    private static final class LibC {

        static {
            Native.register(LibC.class, Platform.C_LIBRARY_NAME);
        }

        static native int socket(int domain, int type, int protocol) throws LastErrorException;

        static native int bind(int fd, byte[] address, int length) throws LastErrorException;

        static native int listen(int fd, int backlog) throws LastErrorException;

        static native int getsockname(int fd, byte[] address, int[] length) throws LastErrorException;

        static native int accept4(int fd, byte[] address, int[] length, int flags) throws LastErrorException;

        static native int getsockopt(int fd, int level, int name, int[] value, int[] length)
                throws LastErrorException;

        static native int shutdown(int fd, int how);

        static native int close(int fd);
    }
}
