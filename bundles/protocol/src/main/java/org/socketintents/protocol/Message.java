package org.socketintents.protocol;

/** A protocol message: a request from the client library or a reply from the MAM. */
public sealed interface Message permits ResolveRequest, ConnectRequest, Ping, StatsRequest, SocketConnectRequest,
        DecisionReply, Pong, StatsReply, SocketConnectReply, ErrorReply {

    /** @return the id the client chose for the request; a reply carries the id of its request */
    int requestId();

    /** @return the message's type */
    MessageType type();
}
