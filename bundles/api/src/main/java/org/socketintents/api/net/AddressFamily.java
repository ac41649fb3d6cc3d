package org.socketintents.api.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;

/** Which address families a lookup wants, like getaddrinfo's {@code ai_family}. */
public enum AddressFamily {
    ANY,
    INET,
    INET6;

    /**
     * @param address an address
     * @return whether this family admits it
     */
    public boolean admits(InetAddress address) {
        switch (this) {
            case INET:
                return address instanceof Inet4Address;
            case INET6:
                return address instanceof Inet6Address;
            default:
                return true;
        }
    }
}
