package org.socketintents.api.net;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The service that scans the host's interfaces and keeps an up-to-date snapshot of them, merged with
 * the per-interface configuration. Reading the snapshot is cheap and never blocks: decisions call it
 * on every request.
 */
@ProviderType
public interface InterfaceMonitor {

    /** @return the latest snapshot */
    Interfaces interfaces();
}
