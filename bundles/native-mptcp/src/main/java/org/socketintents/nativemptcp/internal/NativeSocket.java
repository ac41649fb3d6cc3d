package org.socketintents.nativemptcp.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.NativeLong;

/**
 * A socket descriptor this process owns, with the system calls made on it. Created non-blocking and close-on-exec,
 * so that connecting can be bounded in time and the descriptor never leaks into child processes.
 *
 * <p>Failures are {@link IOException}s made by {@link Errno#exception(String, int)}, whose messages name the step.
 * Closing is idempotent; the descriptor must not be used concurrently with {@link #close()} (the kernel reuses
 * numbers).
 */
final class NativeSocket implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(NativeSocket.class.getName());

    private static final int INT_SIZE = Integer.BYTES;
    private static final int POLLFD_SIZE = 8;

    private final AtomicInteger descriptor;
    private final int protocol;

    private NativeSocket(int descriptor, int protocol) {
        this.descriptor = new AtomicInteger(descriptor);
        this.protocol = protocol;
    }

    /**
     * @param family   {@link LibC#AF_INET}, {@link LibC#AF_INET6} or {@link LibC#AF_NETLINK}
     * @param type     {@link LibC#SOCK_STREAM} or {@link LibC#SOCK_RAW}
     * @param protocol e.g. {@link LibC#IPPROTO_MPTCP}, 0 for the family's default
     * @param call     the call as the error message should show it, e.g. "socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP)"
     * @return the new socket
     * @throws ErrnoException if the kernel refuses, with the errno (EPROTONOSUPPORT: no such protocol)
     */
    static NativeSocket open(int family, int type, int protocol, String call) throws ErrnoException {
        try {
            return new NativeSocket(LibC.socket(family, type | LibC.SOCK_NONBLOCK | LibC.SOCK_CLOEXEC, protocol),
                    protocol);
        } catch (LastErrorException e) {
            throw new ErrnoException(call + ": " + Errno.describe(e.getErrorCode()), e.getErrorCode());
        }
    }

    /**
     * @return the descriptor number
     * @throws IllegalStateException once closed or released
     */
    int descriptor() {
        int fd = descriptor.get();
        if (fd < 0) {
            throw new IllegalStateException("the socket is closed or handed over");
        }
        return fd;
    }

    /** @return the protocol the socket was created with (0 for the default) */
    int protocol() {
        return protocol;
    }

    void setInt(int level, int name, int value, String step) throws IOException {
        setBytes(level, name, ByteBuffer.allocate(INT_SIZE).order(ByteOrder.nativeOrder()).putInt(value).array(),
                step);
    }

    int getInt(int level, int name, String step) throws IOException {
        byte[] value = new byte[INT_SIZE];
        getBytes(level, name, value, step);
        return ByteBuffer.wrap(value).order(ByteOrder.nativeOrder()).getInt();
    }

    void setBytes(int level, int name, byte[] value, String step) throws IOException {
        try {
            LibC.setsockopt(descriptor(), level, name, value, value.length);
        } catch (LastErrorException e) {
            throw Errno.exception(step, e.getErrorCode());
        }
    }

    /**
     * @param buffer receives the option's value; options with a request header (MPTCP's subflow lists) carry it in
     * @return how many bytes the kernel wrote
     */
    int getBytes(int level, int name, byte[] buffer, String step) throws IOException {
        int[] length = {buffer.length};
        try {
            LibC.getsockopt(descriptor(), level, name, buffer, length);
        } catch (LastErrorException e) {
            throw Errno.exception(step, e.getErrorCode());
        }
        return length[0];
    }

    /** @param device an interface name: the socket only sends and receives through it (SO_BINDTODEVICE) */
    void bindToDevice(String device) throws IOException {
        byte[] name = (device + '\0').getBytes(StandardCharsets.US_ASCII);
        setBytes(LibC.SOL_SOCKET, LibC.SO_BINDTODEVICE, name,
                "binding the socket to device \"" + device + "\" (SO_BINDTODEVICE)");
    }

    void bind(InetSocketAddress local) throws IOException {
        byte[] address = SocketAddresses.encode(local);
        try {
            LibC.bind(descriptor(), address, address.length);
        } catch (LastErrorException e) {
            throw Errno.exception("binding to " + SocketAddresses.format(local), e.getErrorCode());
        }
    }

    /**
     * Connects, waiting at most {@code timeout} for the handshake, and leaves the socket in blocking mode, as the
     * receivers of the descriptor expect it.
     */
    void connect(InetSocketAddress remote, Duration timeout) throws IOException {
        String step = "connect to " + SocketAddresses.format(remote);
        byte[] address = SocketAddresses.encode(remote);
        try {
            LibC.connect(descriptor(), address, address.length);
        } catch (LastErrorException e) {
            if (e.getErrorCode() != Errno.EINPROGRESS) {
                throw Errno.exception(step, e.getErrorCode());
            }
            await(LibC.POLLOUT, step, timeout);
            int error = getInt(LibC.SOL_SOCKET, LibC.SO_ERROR, step);
            if (error != 0) {
                throw Errno.exception(step, error);
            }
        }
        setBlocking(step);
    }

    InetSocketAddress localAddress() throws IOException {
        byte[] address = new byte[SocketAddresses.STORAGE_SIZE];
        int[] length = {address.length};
        try {
            LibC.getsockname(descriptor(), address, length);
        } catch (LastErrorException e) {
            throw Errno.exception("reading the local address", e.getErrorCode());
        }
        return SocketAddresses.decode(address, 0, length[0]);
    }

    InetSocketAddress remoteAddress() throws IOException {
        byte[] address = new byte[SocketAddresses.STORAGE_SIZE];
        int[] length = {address.length};
        try {
            LibC.getpeername(descriptor(), address, length);
        } catch (LastErrorException e) {
            throw Errno.exception("reading the remote address", e.getErrorCode());
        }
        return SocketAddresses.decode(address, 0, length[0]);
    }

    /**
     * Gives up ownership to whoever adopted the descriptor: {@link #close()} will not close it.
     *
     * @throws IllegalStateException once closed or released
     */
    void release() {
        if (descriptor.getAndSet(-1) < 0) {
            throw new IllegalStateException("the socket is closed or handed over");
        }
    }

    @Override
    public void close() {
        int fd = descriptor.getAndSet(-1);
        if (fd >= 0) {
            closeDescriptor(fd);
        }
    }

    private static void closeDescriptor(int fd) {
        try {
            LibC.close(fd);
        } catch (LastErrorException e) {
            // Linux frees the descriptor even when close reports an error: nothing to retry.
            LOG.log(Level.DEBUG, "closing descriptor {0}: {1}", fd, Errno.describe(e.getErrorCode()));
        }
    }

    /** Sends one datagram (a netlink request). */
    void send(byte[] message, String step) throws IOException {
        try {
            LibC.send(descriptor(), message, new NativeLong(message.length), 0);
        } catch (LastErrorException e) {
            throw Errno.exception(step, e.getErrorCode());
        }
    }

    /**
     * Receives one datagram, waiting at most {@code timeout} for it.
     *
     * @return the datagram's length
     * @throws SocketException if it was longer than the buffer (the rest would be lost)
     */
    int receive(Memory buffer, Duration timeout, String step) throws IOException {
        await(LibC.POLLIN, step, timeout);
        long length;
        try {
            length = LibC.recv(descriptor(), buffer, new NativeLong(buffer.size()), LibC.MSG_TRUNC).longValue();
        } catch (LastErrorException e) {
            throw Errno.exception(step, e.getErrorCode());
        }
        if (length > buffer.size()) {
            throw new SocketException(step + ": a reply of " + length + " bytes exceeds the buffer of "
                    + buffer.size());
        }
        return (int) length;
    }

    /** Waits at most {@code timeout} for one of the poll(2) {@code events}. */
    void await(short events, String step, Duration timeout) throws IOException {
        byte[] pollfd = ByteBuffer.allocate(POLLFD_SIZE).order(ByteOrder.nativeOrder())
                .putInt(descriptor()).putShort(events).array();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                throw new SocketTimeoutException(step + ": no answer within " + timeout.toMillis() + " ms");
            }
            int millis = (int) Math.min(Integer.MAX_VALUE, TimeUnit.NANOSECONDS.toMillis(remaining) + 1);
            try {
                if (LibC.poll(pollfd, new NativeLong(1), millis) > 0) {
                    return;
                }
            } catch (LastErrorException e) {
                if (e.getErrorCode() != Errno.EINTR) {
                    throw Errno.exception(step + " (waiting with poll)", e.getErrorCode());
                }
            }
        }
    }

    private void setBlocking(String step) throws IOException {
        int fd = descriptor();
        try {
            int flags = LibC.fcntl(fd, LibC.F_GETFL, 0);
            LibC.fcntl(fd, LibC.F_SETFL, flags & ~LibC.O_NONBLOCK);
        } catch (LastErrorException e) {
            throw Errno.exception(step + " (clearing O_NONBLOCK)", e.getErrorCode());
        }
    }
}
