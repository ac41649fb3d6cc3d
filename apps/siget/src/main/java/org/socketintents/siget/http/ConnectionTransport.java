package org.socketintents.siget.http;

import java.util.Optional;

import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.socketintents.api.policy.Transport;

/**
 * The transport of a request's connection, kept as HttpClient's connection state (the user token): the pool hands
 * a kept-alive connection only to a request whose token equals the state the connection was released with. The
 * route planner sets the transport a connection following the request's decision is expected to run over
 * ({@link DecidedSockets#transportFor}) before the lease; a connect sets the transport the new connection got; the
 * connection is released with that. So a request expecting MPTCP never continues on a TCP connection from the same
 * source, and a connection that asked for MPTCP but fell back to TCP serves the requests expecting TCP.
 */
final class ConnectionTransport {

    private ConnectionTransport() {
    }

    /** @param transport the transport the request's connection is to have, or the one a new connection got */
    static void set(HttpContext context, Transport transport) {
        HttpClientContext.castOrCreate(context).setUserToken(transport);
    }

    /** @return the transport of the request's connection; empty when none was planned */
    static Optional<Transport> of(HttpContext context) {
        return Optional.ofNullable(HttpClientContext.castOrCreate(context).getUserToken(Transport.class));
    }
}
