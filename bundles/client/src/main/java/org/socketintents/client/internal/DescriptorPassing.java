package org.socketintents.client.internal;

import org.newsclub.net.unix.AFSocket;
import org.newsclub.net.unix.AFSocketCapability;

/**
 * Whether this process can receive and adopt descriptors, which takes junixsocket's native library. Asked only by
 * delegated connects, so that the advisory calls never load junixsocket.
 */
final class DescriptorPassing {

    private DescriptorPassing() {
    }

    /** @return whether junixsocket loads here and can receive descriptors and adopt them as sockets */
    static boolean isSupported() {
        return Probe.SUPPORTED;
    }

    /** Probes once, on first use. */
    private static final class Probe {
        static final boolean SUPPORTED = probe();

        private static boolean probe() {
            try {
                return AFSocket.supports(AFSocketCapability.CAPABILITY_UNIX_DOMAIN)
                        && AFSocket.supports(AFSocketCapability.CAPABILITY_FILE_DESCRIPTORS)
                        && AFSocket.supports(AFSocketCapability.CAPABILITY_UNSAFE);
            } catch (LinkageError e) {
                System.getLogger(DescriptorPassing.class.getName()).log(System.Logger.Level.DEBUG,
                        "junixsocket is not usable here", e);
                return false;
            }
        }
    }
}
