/**
 * The native socket layer, the only code of the runtime that makes system calls (through JNA):
 * {@link org.socketintents.nativemptcp.internal.NativeSocketService} creates TCP and MPTCP sockets, binds them to
 * devices and source addresses, sets the options a decision suggests, connects them with a timeout, reads TCP_INFO
 * and MPTCP_INFO, and hands the descriptors out through junixsocket (embedded);
 * {@link org.socketintents.nativemptcp.internal.SockDiagService} dumps the host's TCP sockets over netlink
 * sock_diag. Structure layouts are in their own small codec classes so that tests can check them byte by byte.
 */
package org.socketintents.nativemptcp.internal;
