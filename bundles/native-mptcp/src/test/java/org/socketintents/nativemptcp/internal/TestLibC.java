package org.socketintents.nativemptcp.internal;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;

/** The C library calls only the tests make: listening, accepting, a private network namespace. */
final class TestLibC {

    static final int SO_PROTOCOL = 38;
    static final int CLONE_NEWNET = 0x40000000;
    static final int SOCK_DGRAM = 2;
    static final long SIOCGIFFLAGS = 0x8913;
    static final long SIOCSIFFLAGS = 0x8914;
    static final short IFF_UP = 1;

    static {
        Native.register(TestLibC.class, Platform.C_LIBRARY_NAME);
    }

    private TestLibC() {
    }

    static native int dup(int fd) throws LastErrorException;

    static native int listen(int fd, int backlog) throws LastErrorException;

    static native int accept4(int fd, byte[] address, int[] length, int flags) throws LastErrorException;

    static native int unshare(int flags) throws LastErrorException;

    static native int ioctl(int fd, NativeLong request, byte[] argument) throws LastErrorException;
}
