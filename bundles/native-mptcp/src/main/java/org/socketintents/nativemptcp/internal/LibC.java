package org.socketintents.nativemptcp.internal;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The C library calls this bundle makes, bound with JNA's direct mapping. Every call that can fail throws
 * {@link LastErrorException} with errno; callers turn it into an {@link java.io.IOException} with {@link Errno}.
 * Socket addresses and option values travel as byte arrays laid out by the callers in native byte order.
 */
final class LibC {

    static final int AF_INET = 2;
    static final int AF_INET6 = 10;
    static final int AF_NETLINK = 16;

    static final int SOCK_STREAM = 1;
    static final int SOCK_RAW = 3;
    static final int SOCK_NONBLOCK = 0x800;
    static final int SOCK_CLOEXEC = 0x80000;

    static final int IPPROTO_IP = 0;
    static final int IPPROTO_TCP = 6;
    static final int IPPROTO_IPV6 = 41;
    static final int IPPROTO_SCTP = 132;
    static final int IPPROTO_MPTCP = 262;

    static final int SOL_SOCKET = 1;
    static final int SOL_SCTP = 132;
    static final int SOL_MPTCP = 284;

    static final int SO_SNDBUF = 7;
    static final int SO_RCVBUF = 8;
    static final int SO_KEEPALIVE = 9;
    static final int SO_ERROR = 4;
    static final int SO_BINDTODEVICE = 25;
    static final int TCP_NODELAY = 1;
    static final int TCP_INFO = 11;
    static final int IP_TOS = 1;
    static final int IPV6_TCLASS = 67;

    static final int MPTCP_INFO = 1;
    static final int MPTCP_TCPINFO = 2;
    static final int MPTCP_SUBFLOW_ADDRS = 3;
    static final int SCTP_PRIMARY_ADDR = 6;

    static final int F_GETFL = 3;
    static final int F_SETFL = 4;
    static final int O_NONBLOCK = 0x800;

    static final short POLLIN = 1;
    static final short POLLOUT = 4;

    static final int MSG_TRUNC = 0x20;

    static final int NETLINK_SOCK_DIAG = 4;

    static {
        Native.register(LibC.class, Platform.C_LIBRARY_NAME);
    }

    private LibC() {
    }

    /** Binds the natives now, so that a missing JNA fails where the caller can report it. */
    static void load() {
        // The static initialiser does the work.
    }

    static native int socket(int domain, int type, int protocol) throws LastErrorException;

    static native int close(int fd) throws LastErrorException;

    static native int setsockopt(int fd, int level, int name, byte[] value, int length) throws LastErrorException;

    static native int getsockopt(int fd, int level, int name, byte[] value, int[] length) throws LastErrorException;

    static native int bind(int fd, byte[] address, int length) throws LastErrorException;

    static native int connect(int fd, byte[] address, int length) throws LastErrorException;

    static native int getsockname(int fd, byte[] address, int[] length) throws LastErrorException;

    static native int getpeername(int fd, byte[] address, int[] length) throws LastErrorException;

    static native int poll(byte[] fds, NativeLong count, int timeoutMillis) throws LastErrorException;

    static native int fcntl(int fd, int command, int argument) throws LastErrorException;

    static native NativeLong send(int fd, byte[] buffer, NativeLong length, int flags) throws LastErrorException;

    static native NativeLong recv(int fd, Pointer buffer, NativeLong length, int flags) throws LastErrorException;

    static native String strerror(int errno);
}
