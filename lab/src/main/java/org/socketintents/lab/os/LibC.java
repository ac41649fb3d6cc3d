package org.socketintents.lab.os;

import com.sun.jna.LastErrorException;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The few libc calls the lab needs that Java lacks: TUN devices, network namespaces per thread, nanosecond poll.
 * Direct mapping, because the delay line calls read/write/ppoll for every packet. Sizes are {@code long}: the lab
 * runs on 64-bit Linux (size_t, ssize_t and nfds_t are 64 bits wide there).
 */
public final class LibC {

    public static final int O_RDONLY = 0;
    public static final int O_RDWR = 2;
    public static final int O_CLOEXEC = 0x80000;
    public static final int CLONE_NEWNET = 0x40000000;
    public static final short POLLIN = 0x1;
    public static final int EINTR = 4;
    public static final int EAGAIN = 11;
    public static final int PR_SET_TIMERSLACK = 29;
    public static final int SCHED_FIFO = 1;

    static {
        Native.register(Platform.C_LIBRARY_NAME);
    }

    private LibC() {
    }

    public static native int open(String path, int flags) throws LastErrorException;

    public static native int close(int fd) throws LastErrorException;

    public static native int ioctl(int fd, long request, Pointer argument) throws LastErrorException;

    public static native int setns(int fd, int nstype) throws LastErrorException;

    public static native int prctl(int option, long arg2, long arg3, long arg4, long arg5) throws LastErrorException;

    public static native int sched_setscheduler(int pid, int policy, Pointer param) throws LastErrorException;

    /**
     * Hot path: the buffer is a native address (no Pointer object per call); returns -1 and leaves errno to
     * {@link Native#getLastError()} instead of throwing.
     */
    public static native long read(int fd, long address, long count);

    /** Hot path, like {@link #read}. */
    public static native long write(int fd, long address, long count);

    /** Hot path, like {@link #read}. */
    public static native int ppoll(Pointer fds, long nfds, Pointer timeout, Pointer sigmask);
}
