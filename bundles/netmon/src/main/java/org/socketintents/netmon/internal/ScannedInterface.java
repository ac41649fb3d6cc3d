package org.socketintents.netmon.internal;

import java.util.List;
import java.util.Objects;

import org.socketintents.api.net.InterfacePrefix;

/**
 * One interface as the host reports it, before any configuration applies.
 *
 * @param name     the kernel name
 * @param index    the kernel's interface index
 * @param up       whether the link is up and running
 * @param loopback whether it is a loopback interface
 * @param prefixes its addresses, in the kernel's order
 */
record ScannedInterface(String name, int index, boolean up, boolean loopback, List<InterfacePrefix> prefixes) {

    ScannedInterface {
        Objects.requireNonNull(name, "name");
        prefixes = List.copyOf(prefixes);
    }
}
