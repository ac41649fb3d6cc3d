package org.socketintents.siget.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import org.apache.hc.client5.http.HttpRoute;
import org.apache.hc.client5.http.routing.HttpRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.URIScheme;
import org.apache.hc.core5.http.protocol.HttpContext;
import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Destination;
import org.socketintents.api.policy.Transport;
import org.socketintents.client.IntentResolver;
import org.socketintents.client.MamClient;

/**
 * Plans each request's route from its intents, before a connection is leased: the host is resolved through the
 * MAM, the policy picks the source for these intents, and the route carries both the destination address and
 * that local address. HttpClient's pool keys connections by route, so a request finds an idle kept-alive
 * connection only on the interface its policy chose, and otherwise opens a new one from there.
 *
 * <p>Without a decision (no MAM, or a policy without opinion) the route's local address is the one the OS picks
 * for the destination, so the connection goes the OS default way and its route is the one of a decision naming
 * that address: the two phases of a download share a connection when the policy leaves the probe to the OS and
 * sends the rest the same way. Without a route to the destination the route has no local address and the connect
 * reports the failure. Either way the decision travels to the connect in the request's context
 * ({@link RouteDecision}), so the socket follows it without asking the MAM again, and so does the transport it asks
 * for ({@link ConnectionTransport}): a kept-alive connection is reused only by a request asking for the transport it
 * runs over, so per source and transport.
 */
public final class IntentRoutePlanner implements HttpRoutePlanner {

    private final MamClient mam;
    private final MamDecisions decisions;
    private final DecidedSockets sockets;

    /**
     * @param mam       resolves host names with intents
     * @param decisions the policy's choice of source
     * @param sockets   which transport the connections following a decision get
     */
    IntentRoutePlanner(MamClient mam, MamDecisions decisions, DecidedSockets sockets) {
        this.mam = mam;
        this.decisions = decisions;
        this.sockets = sockets;
    }

    @Override
    public HttpRoute determineRoute(HttpHost target, HttpContext context) {
        Intents intents = RequestIntents.of(context);
        String scheme = target.getSchemeName();
        boolean secure = URIScheme.HTTPS.same(scheme);
        int port = TargetPort.of(target);
        Optional<InetAddress> resolved = resolve(target, port, intents);
        if (resolved.isEmpty()) {
            // The connection operator resolves again and reports the failure as the I/O error it is.
            ConnectionTransport.set(context, Transport.TCP);
            return new HttpRoute(new HttpHost(scheme, target.getHostName(), port), null, secure);
        }
        InetSocketAddress remote = new InetSocketAddress(resolved.get(), port);
        Decision decision = decisions.connect(remote, target.getHostName(), intents)
                .orElseGet(() -> Decision.osDefault("no decision from the MAM"));
        RouteDecision.remember(context, decision);
        InetAddress destination = decision.destinations().stream().findFirst().map(Destination::address)
                .orElse(resolved.get());
        ConnectionTransport.set(context, sockets.transportFor(decision, new InetSocketAddress(destination, port)));
        InetAddress source = SourceAddress.of(decision, destination)
                .or(() -> OsSourceAddress.of(destination, port)).orElse(null);
        return new HttpRoute(new HttpHost(scheme, destination, target.getHostName(), port), source, secure);
    }

    private Optional<InetAddress> resolve(HttpHost target, int port, Intents intents) {
        if (target.getAddress() != null) {
            return Optional.of(target.getAddress());
        }
        try {
            return IntentResolver.resolve(target.getHostName(), port, intents, mam).stream()
                    .findFirst().map(Destination::address);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
