package org.socketintents.nativemptcp.internal;

import org.socketintents.api.policy.SuggestedOption;

/**
 * The setsockopt level and name of each suggested option. The traffic class is IP_TOS on IPv4 sockets and
 * IPV6_TCLASS on IPv6 ones.
 *
 * @param level the option level (SOL_SOCKET, IPPROTO_TCP, ...)
 * @param name  the option name within the level
 * @param label the option as messages show it
 */
record OptionCodes(int level, int name, String label) {

    /**
     * @param option an option
     * @param family the socket's family, {@link LibC#AF_INET} or {@link LibC#AF_INET6}
     * @return its codes
     */
    static OptionCodes of(SuggestedOption option, int family) {
        switch (option) {
            case TCP_NODELAY:
                return new OptionCodes(LibC.IPPROTO_TCP, LibC.TCP_NODELAY, "TCP_NODELAY");
            case SO_KEEPALIVE:
                return new OptionCodes(LibC.SOL_SOCKET, LibC.SO_KEEPALIVE, "SO_KEEPALIVE");
            case SO_RCVBUF:
                return new OptionCodes(LibC.SOL_SOCKET, LibC.SO_RCVBUF, "SO_RCVBUF");
            case SO_SNDBUF:
                return new OptionCodes(LibC.SOL_SOCKET, LibC.SO_SNDBUF, "SO_SNDBUF");
            case IP_TOS:
                return family == LibC.AF_INET6
                        ? new OptionCodes(LibC.IPPROTO_IPV6, LibC.IPV6_TCLASS, "IPV6_TCLASS")
                        : new OptionCodes(LibC.IPPROTO_IP, LibC.IP_TOS, "IP_TOS");
            default:
                throw new IllegalArgumentException("no socket option for " + option);
        }
    }
}
