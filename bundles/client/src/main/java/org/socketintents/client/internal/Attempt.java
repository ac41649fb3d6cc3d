package org.socketintents.client.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Optional;

import org.socketintents.api.policy.Decision;

/**
 * One try at a connection: the source to bind, the address to connect to, and the decision whose suggested
 * options apply.
 *
 * @param source   the address to bind, or null to let the OS choose (or keep the application's binding)
 * @param target   where to connect
 * @param decision the MAM's decision, or null when the MAM gave none
 */
record Attempt(InetAddress source, InetSocketAddress target, Decision decision) {

    /**
     * @param candidate        the address the application connects to (or one its host name resolved to)
     * @param decision         the MAM's decision for it, if any
     * @param applicationBound whether the application bound the socket itself, which the policy must not undo
     * @return the decision's attempt, followed, if the decision changed the source or the destination, by one
     *         from the OS-default source to the candidate (still with the suggested options): a source address
     *         that has vanished or a path that does not work must not cost the application its connection
     */
    static List<Attempt> plan(InetSocketAddress candidate, Optional<Decision> decision, boolean applicationBound) {
        Decision d = decision.orElse(null);
        Attempt osDefault = new Attempt(null, candidate, d);
        if (d == null) {
            return List.of(osDefault);
        }
        InetSocketAddress target = d.destinations().isEmpty() ? candidate
                : new InetSocketAddress(d.destinations().get(0).address(), candidate.getPort());
        InetAddress source = applicationBound ? null : SourceAddresses.choose(d, target.getAddress()).orElse(null);
        Attempt policy = new Attempt(source, target, d);
        return policy.equals(osDefault) ? List.of(policy) : List.of(policy, osDefault);
    }

    /**
     * @return the connected socket
     * @throws IOException if binding or connecting fails; the attempt's socket is closed then
     */
    Socket run(AttemptSockets sockets, ConnectBudget budget, OptionSettings application) throws IOException {
        Socket socket = sockets.next(source);
        try {
            if (decision != null) {
                SuggestedOptions.apply(decision, socket, application);
            }
            budget.connect(socket, target);
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public String toString() {
        return (source == null ? "" : "from " + source.getHostAddress() + " ") + "to " + target;
    }
}
