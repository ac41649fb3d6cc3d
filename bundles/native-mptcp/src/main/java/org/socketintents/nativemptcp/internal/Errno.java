package org.socketintents.nativemptcp.internal;

import java.net.BindException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.util.Map;

/**
 * Linux errno values (the generic numbering of x86-64 and aarch64) and the exceptions they become: the JDK's own
 * socket exception types where one fits, so that callers can tell a refusal from a timeout without parsing text,
 * and always a message with the step, the kernel's text ({@code strerror}) and the symbolic name.
 */
final class Errno {

    static final int EPERM = 1;
    static final int ENOENT = 2;
    static final int EINTR = 4;
    static final int EBADF = 9;
    static final int EAGAIN = 11;
    static final int ENOMEM = 12;
    static final int EACCES = 13;
    static final int EINVAL = 22;
    static final int ENFILE = 23;
    static final int EMFILE = 24;
    static final int ENODEV = 19;
    static final int ENOTSOCK = 88;
    static final int ENOPROTOOPT = 92;
    static final int EPROTONOSUPPORT = 93;
    static final int EOPNOTSUPP = 95;
    static final int EAFNOSUPPORT = 97;
    static final int EADDRINUSE = 98;
    static final int EADDRNOTAVAIL = 99;
    static final int ENETUNREACH = 101;
    static final int ECONNRESET = 104;
    static final int ENOBUFS = 105;
    static final int EISCONN = 106;
    static final int ETIMEDOUT = 110;
    static final int ECONNREFUSED = 111;
    static final int EHOSTUNREACH = 113;
    static final int EALREADY = 114;
    static final int EINPROGRESS = 115;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(EPERM, "EPERM"), Map.entry(ENOENT, "ENOENT"), Map.entry(EINTR, "EINTR"),
            Map.entry(EBADF, "EBADF"), Map.entry(EAGAIN, "EAGAIN"), Map.entry(ENOMEM, "ENOMEM"),
            Map.entry(EACCES, "EACCES"), Map.entry(EINVAL, "EINVAL"), Map.entry(ENFILE, "ENFILE"),
            Map.entry(EMFILE, "EMFILE"), Map.entry(ENODEV, "ENODEV"), Map.entry(ENOTSOCK, "ENOTSOCK"),
            Map.entry(ENOPROTOOPT, "ENOPROTOOPT"), Map.entry(EPROTONOSUPPORT, "EPROTONOSUPPORT"),
            Map.entry(EOPNOTSUPP, "EOPNOTSUPP"), Map.entry(EAFNOSUPPORT, "EAFNOSUPPORT"),
            Map.entry(EADDRINUSE, "EADDRINUSE"), Map.entry(EADDRNOTAVAIL, "EADDRNOTAVAIL"),
            Map.entry(ENETUNREACH, "ENETUNREACH"), Map.entry(ECONNRESET, "ECONNRESET"),
            Map.entry(ENOBUFS, "ENOBUFS"), Map.entry(EISCONN, "EISCONN"), Map.entry(ETIMEDOUT, "ETIMEDOUT"),
            Map.entry(ECONNREFUSED, "ECONNREFUSED"), Map.entry(EHOSTUNREACH, "EHOSTUNREACH"),
            Map.entry(EALREADY, "EALREADY"), Map.entry(EINPROGRESS, "EINPROGRESS"));

    private Errno() {
    }

    /**
     * @param errno an errno value
     * @return the kernel's text and the symbolic name, e.g. "Connection refused (ECONNREFUSED)"
     */
    static String describe(int errno) {
        return LibC.strerror(errno) + " (" + NAMES.getOrDefault(errno, "errno " + errno) + ")";
    }

    /**
     * @param step  what failed, e.g. "connect to 127.0.0.1:80"
     * @param errno the error
     * @return the exception to throw, its message "step: description": the JDK's type for refusals, unreachable
     *         destinations and unusable source addresses, an {@link ErrnoException} carrying the errno otherwise
     */
    static SocketException exception(String step, int errno) {
        String message = step + ": " + describe(errno);
        switch (errno) {
            case ECONNREFUSED:
            case ETIMEDOUT:
                return new ConnectException(message);
            case ENETUNREACH:
            case EHOSTUNREACH:
                return new NoRouteToHostException(message);
            case EADDRINUSE:
            case EADDRNOTAVAIL:
                return new BindException(message);
            default:
                return new ErrnoException(message, errno);
        }
    }
}
