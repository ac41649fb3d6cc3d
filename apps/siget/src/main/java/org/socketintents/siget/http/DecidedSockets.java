package org.socketintents.siget.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.hc.core5.http.protocol.HttpContext;
import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Transport;
import org.socketintents.client.DelegatedConnection;
import org.socketintents.client.IntentConnections;
import org.socketintents.client.IntentSocket;
import org.socketintents.client.MamClient;

/**
 * Opens a route's socket over the transport of the decision the route was planned by.
 *
 * <p>TCP: an {@link IntentSocket} carrying the request's intents, bound to the route's local address, following
 * the decision without asking the MAM again. MPTCP: the JDK cannot create MPTCP sockets, so the MAM connects and
 * passes the descriptor ({@link IntentConnections#socket}). That asks the MAM a second time, unavoidably: the
 * protocol's SOCKETCONNECT carries intents, not a decision, so the MAM's policy decides again, for the address the
 * route resolved (the MAM does not resolve again). A policy that answers differently the second time places the
 * connection elsewhere than the route says; the timings show where it went.
 *
 * <p>MPTCP decisions get TCP connections, from an intent socket that follows the decision, where MPTCP turned out
 * not to work, so that they need not ask the MAM again and may reuse kept-alive TCP connections:
 * <ul>
 * <li>for the rest of the run, once the MAM could not connect (it has no native socket layer, cannot pass
 * descriptors, or went away since it decided). The library then connected the OS default way itself; that
 * connection is kept if it starts from the route's local address and otherwise replaced by one that follows the
 * decision;</li>
 * <li>to a server whose connection the MAM made fell back to TCP (the server, or the kernel, has no MPTCP).</li>
 * </ul>
 * Thread-safe.
 */
final class DecidedSockets {

    private static final System.Logger LOG = System.getLogger(DecidedSockets.class.getName());

    private final MamClient mam;
    private final AtomicBoolean mamCannotConnect = new AtomicBoolean();
    private final Set<InetSocketAddress> withoutMptcp = ConcurrentHashMap.newKeySet();

    /** @param mam the MAM client the sockets ask */
    DecidedSockets(MamClient mam) {
        this.mam = mam;
    }

    /**
     * @param decision the decision a route was planned by
     * @param remote   the route's destination
     * @return the transport a connection following the decision is expected to run over
     */
    Transport transportFor(Decision decision, InetSocketAddress remote) {
        return decision.transport() == Transport.MPTCP && !mamCannotConnect.get() && !withoutMptcp.contains(remote)
                ? Transport.MPTCP : Transport.TCP;
    }

    /**
     * Connects, and sets the transport the connection got in the context ({@link ConnectionTransport}).
     *
     * @param remote  where to connect; unresolved when the route has no address (the MAM or the OS resolves it)
     * @param local   the route's local address, or null
     * @param timeout the connect timeout in milliseconds, 0 for none
     * @param context the request's context, with its intents and the route's decision
     * @return the connected socket
     */
    Socket connect(InetSocketAddress remote, InetSocketAddress local, int timeout, HttpContext context)
            throws IOException {
        Intents intents = RequestIntents.of(context);
        // A route without an address was planned without a decision; one left in the context is an earlier route's.
        Optional<Decision> decision = remote.isUnresolved() ? Optional.empty() : RouteDecision.of(context);
        Socket socket = decision.isPresent() && transportFor(decision.get(), remote) == Transport.MPTCP
                ? byTheMam(remote, local, timeout, decision.get(), intents)
                : intentSocket(remote, local, timeout, decision, intents);
        ConnectionTransport.set(context, socket instanceof DelegatedConnection delegated
                ? delegated.transport() : Transport.TCP);
        return socket;
    }

    private Socket byTheMam(InetSocketAddress remote, InetSocketAddress local, int timeout, Decision decision,
                            Intents intents) throws IOException {
        Socket socket = IntentConnections.socket(remote, intents, timeout, mam);
        if (socket instanceof DelegatedConnection delegated) {
            if (delegated.transport() != Transport.MPTCP) {
                withoutMptcp.add(remote);
            }
            if (!delegated.fallbackReason().isEmpty()) {
                LOG.log(System.Logger.Level.DEBUG, () -> "The MAM's connection " + socket + " differs from its"
                        + " decision: " + delegated.fallbackReason());
            }
            return socket;
        }
        mamCannotConnect.set(true);
        LOG.log(System.Logger.Level.DEBUG, () -> "The MAM could not connect over MPTCP; connecting over TCP");
        if (local == null || local.getAddress().equals(socket.getLocalAddress())) {
            return socket;
        }
        socket.close();
        return intentSocket(remote, local, timeout, Optional.of(decision), intents);
    }

    private IntentSocket intentSocket(InetSocketAddress remote, InetSocketAddress local, int timeout,
                                      Optional<Decision> decision, Intents intents) throws IOException {
        IntentSocket socket = new IntentSocket(intents, mam);
        try {
            if (local != null) {
                socket.bind(local);
            }
            if (decision.isPresent()) {
                socket.connect(remote, timeout, decision.get());
            } else {
                socket.connect(remote, timeout);
            }
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
