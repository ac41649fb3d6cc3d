package org.socketintents.netmon.internal;

import java.net.SocketException;
import java.util.List;

/** Where interface data comes from: the host in production, synthetic lists in tests. */
@FunctionalInterface
interface InterfaceScanner {

    /**
     * @return the interfaces, ordered by index; equal lists when nothing changed, so that a caller can
     *         skip all further work by comparing two scans
     * @throws SocketException if the interface list cannot be read at all
     */
    List<ScannedInterface> scan() throws SocketException;
}
