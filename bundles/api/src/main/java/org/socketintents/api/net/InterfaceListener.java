package org.socketintents.api.net;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Whiteboard service told about every change of the interface snapshot (address added or removed,
 * link up or down, configuration changed). Called from the monitor's own thread; keep it short.
 */
@ConsumerType
public interface InterfaceListener {

    /**
     * @param current the new snapshot
     */
    void interfacesChanged(Interfaces current);
}
