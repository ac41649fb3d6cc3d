package org.socketintents.netmon.internal;

import static java.lang.System.Logger.Level.DEBUG;

import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import org.socketintents.api.net.InterfacePrefix;

/**
 * Scans the host through {@link NetworkInterface}. Interfaces without any address are not reported (the JDK
 * enumerates addresses, not links); they appear once they have one.
 */
final class NetworkInterfaceScanner implements InterfaceScanner {

    private static final System.Logger LOG = System.getLogger(NetworkInterfaceScanner.class.getName());

    /** How the JDK reports a host without any addressed interface, instead of returning an empty list. */
    private static final String NO_INTERFACES = "No network interfaces configured";

    @Override
    public List<ScannedInterface> scan() throws SocketException {
        List<NetworkInterface> found;
        try {
            found = NetworkInterface.networkInterfaces().toList();
        } catch (SocketException e) {
            if (NO_INTERFACES.equals(e.getMessage())) {
                return List.of();
            }
            throw e;
        }
        List<ScannedInterface> scanned = new ArrayList<>(found.size());
        for (NetworkInterface networkInterface : found) {
            try {
                scanned.add(describe(networkInterface));
            } catch (SocketException e) {
                // It went away between the listing and the query: the next scan sees it gone.
                LOG.log(DEBUG, "Skipping interface {0} in this scan: {1}", networkInterface.getName(), e.getMessage());
            }
        }
        scanned.sort(Comparator.comparingInt(ScannedInterface::index));
        return scanned;
    }

    private static ScannedInterface describe(NetworkInterface networkInterface) throws SocketException {
        List<InterfacePrefix> prefixes = new ArrayList<>();
        for (InterfaceAddress address : networkInterface.getInterfaceAddresses()) {
            try {
                prefixes.add(new InterfacePrefix(address.getAddress(), address.getNetworkPrefixLength()));
            } catch (IllegalArgumentException e) {
                LOG.log(DEBUG, "Skipping address of {0} with an impossible prefix: {1}", networkInterface.getName(),
                        e.getMessage());
            }
        }
        // The JDK prepends every address it enumerates; reversing restores the kernel's order, primary address first.
        Collections.reverse(prefixes);
        return new ScannedInterface(networkInterface.getName(), networkInterface.getIndex(), networkInterface.isUp(),
                networkInterface.isLoopback(), prefixes);
    }
}
