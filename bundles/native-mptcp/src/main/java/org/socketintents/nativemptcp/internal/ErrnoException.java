package org.socketintents.nativemptcp.internal;

import java.net.SocketException;

/** A failed system call whose errno the caller may act on (e.g. fall back from MPTCP to TCP). */
final class ErrnoException extends SocketException {

    private static final long serialVersionUID = 1L;

    private final int errno;

    ErrnoException(String message, int errno) {
        super(message);
        this.errno = errno;
    }

    /** @return the system call's errno */
    int errno() {
        return errno;
    }
}
