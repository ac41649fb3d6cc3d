package org.socketintents.api.transport;

import java.io.IOException;
import java.net.InetSocketAddress;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Stream sockets created natively, where the JDK cannot: MPTCP sockets (Linux decides MPTCP at
 * {@code socket(AF_INET, SOCK_STREAM, IPPROTO_MPTCP)}; no option turns a TCP socket into one), sockets bound to a
 * device, and SCTP path options. Provided by the native socket layer; the MAM connects on an application's behalf
 * with it and passes the descriptor on.
 */
@ProviderType
public interface NativeSockets {

    /** @return what the kernel offers now, with the reasons */
    TransportCapabilities capabilities();

    /**
     * Tries the spec's remote addresses in order, each with a fresh socket and the spec's timeout, and returns the
     * first connection that succeeds. MPTCP falls back to TCP when the kernel has no MPTCP (or it is disabled) and
     * when the peer does not speak it; the connection says so.
     *
     * @param spec what to connect to, and how
     * @return the connection, owned by the caller
     * @throws java.net.ConnectException        the last address refused (or the kernel timed the handshake out)
     * @throws java.net.SocketTimeoutException  the last address did not answer within the timeout
     * @throws java.net.BindException           the source address cannot be bound
     * @throws java.net.NoRouteToHostException  the last address is unreachable
     * @throws IOException                      any other failure (e.g. an unknown device); the message names the
     *                                          step, the address and the kernel's error; earlier addresses' failures
     *                                          are attached as suppressed exceptions
     */
    NativeConnection connect(ConnectSpec spec) throws IOException;

    /**
     * Sets an SCTP association's primary path (SCTP_PRIMARY_ADDR), e.g. to the address a decision put first. For a
     * one-to-one style socket; the address must be one of the peer's.
     *
     * @param descriptor an SCTP socket's descriptor, owned by the caller
     * @param primary    the peer address to make primary
     * @throws IOException if the kernel has no SCTP (the message says so) or rejects the option
     */
    void setSctpPrimaryPath(int descriptor, InetSocketAddress primary) throws IOException;
}
