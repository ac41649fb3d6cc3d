package org.socketintents.nativemptcp.internal;

import org.socketintents.api.transport.ProtocolSupport;

/**
 * The transport protocols besides TCP whose presence depends on the kernel, and what the kernel's refusal to create
 * one of their sockets means.
 */
enum KernelProtocol {

    MPTCP(LibC.IPPROTO_MPTCP, "IPPROTO_MPTCP", "MPTCP is disabled in this network namespace (net.mptcp.enabled=0)"),
    SCTP(LibC.IPPROTO_SCTP, "IPPROTO_SCTP", "SCTP is disabled in this network namespace");

    private final int number;
    private final String constant;
    private final String disabled;

    KernelProtocol(int number, String constant, String disabled) {
        this.number = number;
        this.constant = constant;
        this.disabled = disabled;
    }

    /** @return the protocol number for socket(2) */
    int number() {
        return number;
    }

    /**
     * @param family {@link LibC#AF_INET} or {@link LibC#AF_INET6}
     * @return the socket(2) call as messages show it
     */
    String call(int family) {
        return "socket(" + SocketAddresses.familyName(family) + ", SOCK_STREAM, " + constant + ")";
    }

    /**
     * @return whether an IPv4 stream socket of this protocol can be created now, with the evidence; a kernel that
     *         builds the protocol as a module loads it on this attempt
     */
    ProtocolSupport probe() {
        String call = call(LibC.AF_INET);
        try {
            NativeSocket.open(LibC.AF_INET, LibC.SOCK_STREAM, number, call).close();
            return new ProtocolSupport(true, call + " succeeds");
        } catch (ErrnoException e) {
            return new ProtocolSupport(false, unavailability(e));
        }
    }

    /**
     * @param failure socket(2)'s failure for this protocol
     * @return whether it says the protocol is missing or disabled (rather than, say, too many open files)
     */
    static boolean meansUnavailable(ErrnoException failure) {
        switch (failure.errno()) {
            case Errno.EPROTONOSUPPORT:
            case Errno.ENOPROTOOPT:
            case Errno.EAFNOSUPPORT:
                return true;
            default:
                return false;
        }
    }

    /**
     * @param failure socket(2)'s failure for this protocol
     * @return why the protocol cannot be used, for an operator: the conclusion, then the evidence
     */
    String unavailability(ErrnoException failure) {
        switch (failure.errno()) {
            case Errno.EPROTONOSUPPORT:
            case Errno.EAFNOSUPPORT:
                return "the kernel has no " + name() + " (not built in, or its module cannot be loaded): "
                        + failure.getMessage();
            case Errno.ENOPROTOOPT:
                return disabled + ": " + failure.getMessage();
            default:
                return failure.getMessage();
        }
    }
}
