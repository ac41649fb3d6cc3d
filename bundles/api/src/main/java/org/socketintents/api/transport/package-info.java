/**
 * Services of the native socket layer that the rest of the runtime uses without touching native code:
 * kernel TCP socket diagnostics (for statistics), and MPTCP/SCTP sockets (for delegated connects).
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.socketintents.api.transport;
