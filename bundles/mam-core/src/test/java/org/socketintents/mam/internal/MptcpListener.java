package org.socketintents.mam.internal;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;

/**
 * An MPTCP listener on 127.0.0.1, which the JDK cannot make. The kernel completes handshakes into the backlog,
 * which is all a test of the transport a connection got needs: nothing is accepted.
 */
final class MptcpListener implements AutoCloseable {

    private static final int AF_INET = 2;
    private static final int SOCK_STREAM = 1;
    private static final int IPPROTO_MPTCP = 262;
    private static final int SOCKADDR_IN_BYTES = 16;

    static {
        Native.register(MptcpListener.class, Platform.C_LIBRARY_NAME);
    }

    private final int descriptor;
    private final InetSocketAddress address;

    private MptcpListener(int descriptor, InetSocketAddress address) {
        this.descriptor = descriptor;
        this.address = address;
    }

    static MptcpListener open() throws Exception {
        int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP);
        try {
            byte[] any = ByteBuffer.allocate(SOCKADDR_IN_BYTES).order(ByteOrder.nativeOrder())
                    .putShort((short) AF_INET).order(ByteOrder.BIG_ENDIAN).putShort((short) 0)
                    .put(InetAddress.getLoopbackAddress().getAddress()).array();
            bind(fd, any, any.length);
            listen(fd, 64);
            byte[] bound = new byte[SOCKADDR_IN_BYTES];
            getsockname(fd, bound, new int[] {bound.length});
            int port = ByteBuffer.wrap(bound, 2, 2).getShort() & 0xFFFF;
            return new MptcpListener(fd, new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (RuntimeException e) {
            close(fd);
            throw e;
        }
    }

    InetSocketAddress address() {
        return address;
    }

    @Override
    public void close() {
        close(descriptor);
    }

    private static native int socket(int domain, int type, int protocol) throws LastErrorException;

    private static native int bind(int fd, byte[] address, int length) throws LastErrorException;

    private static native int listen(int fd, int backlog) throws LastErrorException;

    private static native int getsockname(int fd, byte[] address, int[] length) throws LastErrorException;

    private static native int close(int fd);
}
