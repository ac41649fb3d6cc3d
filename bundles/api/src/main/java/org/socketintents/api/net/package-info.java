/**
 * The host's network interfaces as the MAM sees them: addresses, state, whether each may be used for
 * source or destination selection, and the per-interface figures from the configuration (nominal
 * bandwidth, RTT, cost, DNS servers).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.socketintents.api.net;
