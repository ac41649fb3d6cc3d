package org.socketintents.mam.internal;

import java.io.FileDescriptor;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.socketintents.api.transport.NativeConnection;
import org.socketintents.api.transport.NativeSockets;
import org.socketintents.protocol.DecisionReply;
import org.socketintents.protocol.ErrorCode;
import org.socketintents.protocol.ErrorReply;
import org.socketintents.protocol.Message;
import org.socketintents.protocol.SocketConnectReply;
import org.socketintents.protocol.SocketConnectRequest;

/**
 * Answers SOCKETCONNECT once the policy has decided: connects as decided ({@link SocketConnector}), sends the
 * connection's facts with its descriptor attached, and closes the MAM's copy of the descriptor whatever happened,
 * so that a client that went away, or a send that failed, leaks nothing. The descriptor goes only to the client
 * that asked: the reply travels on that client's own connection.
 *
 * <p>The native socket layer is optional: without it, or without descriptor passing, the answer is an
 * UNAVAILABLE error and the client connects itself.
 */
@Component(service = DelegatedConnects.class)
public final class DelegatedConnects {

    private static final Logger LOG = System.getLogger(DelegatedConnects.class.getName());

    private volatile NativeSockets sockets;

    /** Where a session's replies go. */
    interface Replies {
        /** Sends a reply. */
        void send(Message reply);

        /**
         * Sends a reply with a descriptor attached.
         *
         * @return whether it was delivered; the connection is closed when it was not
         */
        boolean send(Message reply, FileDescriptor descriptor);

        /** @return whether this connection can carry descriptors */
        boolean passesDescriptors();
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setSockets(NativeSockets service) {
        this.sockets = service;
    }

    void unsetSockets(NativeSockets gone) {
        if (sockets == gone) {
            sockets = null;
        }
    }

    /** @return why a delegated connect cannot be served on that connection now; empty when it can */
    Optional<String> unavailability(Replies replies) {
        if (sockets == null) {
            return Optional.of("the MAM has no native socket layer (the bundle org.socketintents.nativemptcp"
                    + " provides it); connect yourself");
        }
        if (!replies.passesDescriptors()) {
            return Optional.of("the MAM cannot pass descriptors here (junixsocket's native library is not usable);"
                    + " connect yourself");
        }
        return Optional.empty();
    }

    /**
     * Connects as decided and answers.
     *
     * @param request the request
     * @param decided the policy's (completed) decision for it
     * @param replies where the answer goes
     */
    void answer(SocketConnectRequest request, DecisionReply decided, Replies replies) {
        NativeSockets layer = sockets;
        if (layer == null) {
            replies.send(new ErrorReply(request.requestId(), ErrorCode.UNAVAILABLE,
                    "the MAM's native socket layer went away; connect yourself"));
            return;
        }
        SocketConnector.Connected connected;
        try {
            connected = SocketConnector.connect(layer, decided.decision(), request.endpoint().getPort(),
                    request.effectiveConnectTimeoutMillis());
        } catch (IOException e) {
            replies.send(new ErrorReply(request.requestId(), ErrorCode.CONNECT_FAILED, e.getMessage()));
            return;
        }
        try (NativeConnection connection = connected.connection()) {
            SocketConnectReply reply = new SocketConnectReply(request.requestId(), decided.decision(),
                    decided.policy(), decided.outcome(), connection.localAddress(), connection.remoteAddress(),
                    connection.transport(), connected.fallbackReason());
            if (!replies.send(reply, DescriptorPassing.of(connection.descriptor()))) {
                LOG.log(Level.DEBUG, "The client went away before its connection " + connection + " was passed");
            }
        } catch (IOException e) {
            replies.send(new ErrorReply(request.requestId(), ErrorCode.UNAVAILABLE,
                    "the MAM could not pass the descriptor: " + e.getMessage()));
        }
    }
}
