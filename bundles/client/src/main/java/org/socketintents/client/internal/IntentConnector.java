package org.socketintents.client.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.protocol.AddressFamily;

/**
 * The intent-aware connect (section 3.3 of the paper): an unresolved host is resolved through the MAM, which
 * orders its addresses; for each address in turn the MAM chooses the source (and may replace the
 * destination and suggest options); each decision is tried, then the OS-default source and destination,
 * until one connects.
 */
final class IntentConnector {

    private static final System.Logger LOG = System.getLogger(IntentConnector.class.getName());

    private final MamAdvisor mam;
    private final DestinationResolver resolver;

    IntentConnector(MamAdvisor mam) {
        this.mam = mam;
        this.resolver = new DestinationResolver(mam);
    }

    /**
     * A connected socket and the decision it follows.
     *
     * @param socket   the connected socket
     * @param decision the MAM's decision for the address connected to, or null when the MAM gave none
     */
    record Connected(Socket socket, Decision decision) {
    }

    /**
     * @param endpoint      where the application connects; may be unresolved
     * @param timeoutMillis the application's connect timeout for all attempts together; 0 for none
     * @param intents       the socket's intents
     * @param sockets       supplies the sockets to try
     * @param application   the options the application set, which suggestions do not override
     * @return the first connection that succeeds
     * @throws UnknownHostException if an unresolved host cannot be resolved at all
     * @throws IOException          the last attempt's failure (earlier ones suppressed in it) when none succeeds
     */
    Connected connect(InetSocketAddress endpoint, int timeoutMillis, Intents intents, AttemptSockets sockets,
                      OptionSettings application) throws IOException {
        String host = hostName(endpoint);
        InetSocketAddress bound = sockets.applicationBinding();
        Attempts attempts = new Attempts(timeoutMillis, sockets, application);
        for (InetSocketAddress candidate : candidates(endpoint, intents)) {
            Optional<Decision> decision = mam.connect(candidate, host, bound, intents);
            Connected connected = attempts.firstToConnect(Attempt.plan(candidate, decision, bound != null));
            if (connected != null) {
                return connected;
            }
        }
        throw attempts.failure();
    }

    /**
     * Connects as a decision obtained beforehand says, without asking the MAM.
     *
     * @param endpoint      the resolved address the decision was made for
     * @param decision      the decision
     * @param timeoutMillis the application's connect timeout for all attempts together; 0 for none
     * @param sockets       supplies the sockets to try
     * @param application   the options the application set, which suggestions do not override
     * @return the first connection that succeeds
     * @throws IOException the last attempt's failure (earlier ones suppressed in it) when none succeeds
     */
    Connected follow(InetSocketAddress endpoint, Decision decision, int timeoutMillis, AttemptSockets sockets,
                     OptionSettings application) throws IOException {
        Attempts attempts = new Attempts(timeoutMillis, sockets, application);
        Connected connected = attempts.firstToConnect(Attempt.plan(endpoint, Optional.of(decision),
                sockets.applicationBinding() != null));
        if (connected != null) {
            return connected;
        }
        throw attempts.failure();
    }

    private List<InetSocketAddress> candidates(InetSocketAddress endpoint, Intents intents)
            throws UnknownHostException {
        if (!endpoint.isUnresolved()) {
            return List.of(endpoint);
        }
        return resolver.resolve(endpoint.getHostString(), endpoint.getPort(), AddressFamily.ANY, intents).stream()
                .map(destination -> new InetSocketAddress(destination.address(), endpoint.getPort()))
                .collect(Collectors.toList());
    }

    /** The attempts of one connect, under one budget, keeping the failures. */
    private static final class Attempts {
        private final ConnectBudget budget;
        private final AttemptSockets sockets;
        private final OptionSettings application;
        private IOException failure;

        Attempts(int timeoutMillis, AttemptSockets sockets, OptionSettings application) {
            this.budget = new ConnectBudget(timeoutMillis);
            this.sockets = sockets;
            this.application = application;
        }

        /**
         * @return the first of the plan's attempts that connects, or null when none did
         * @throws IOException when the application closed its socket or the budget ran out
         */
        Connected firstToConnect(List<Attempt> plan) throws IOException {
            for (Attempt attempt : plan) {
                try {
                    return new Connected(attempt.run(sockets, budget, application), attempt.decision());
                } catch (IOException e) {
                    if (failure != null) {
                        e.addSuppressed(failure);
                    }
                    failure = e;
                    LOG.log(System.Logger.Level.DEBUG, () -> "Connect " + attempt + " failed: " + e);
                    if (sockets.isClosed() || budget.isExhausted()) {
                        throw failure;
                    }
                }
            }
            return null;
        }

        /** @return the last failure, the earlier ones suppressed in it */
        IOException failure() {
            return failure;
        }
    }

    /** @return the host name the application gave, or null when it gave only an address */
    private static String hostName(InetSocketAddress endpoint) {
        String host = endpoint.getHostString();
        return endpoint.isUnresolved() || !host.equals(endpoint.getAddress().getHostAddress()) ? host : null;
    }
}
