package org.socketintents.mam.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Destination;
import org.socketintents.api.transport.ConnectSpec;
import org.socketintents.api.transport.NativeConnection;
import org.socketintents.api.transport.NativeSockets;

/**
 * Connects on a client's behalf (SOCKETCONNECT) with the native socket layer, as a decision says.
 *
 * <p>Each destination of the decision in turn is tried with the decision's source (its address, and its interface
 * bound with SO_BINDTODEVICE) and, if that fails, from the OS-default source: an interface that vanished or a
 * source address that is gone must not cost the client its connection. The transport (MPTCP falls back to TCP where
 * the kernel or the peer lacks it) and the suggested options apply to every attempt; all attempts together get
 * the request's timeout.
 */
final class SocketConnector {

    private static final Logger LOG = System.getLogger(SocketConnector.class.getName());

    private SocketConnector() {
    }

    /**
     * A connection and how it differs from the decision.
     *
     * @param connection     the connected socket, owned by the caller
     * @param fallbackReason why it differs from the decision (source not usable, MPTCP fell back); empty if not
     */
    record Connected(NativeConnection connection, String fallbackReason) {
    }

    /**
     * @param layer         the native socket layer
     * @param decision      a completed decision: its destinations are those to try, in order
     * @param port          the port to connect to
     * @param timeoutMillis the time all attempts together may take
     * @return the first connection that succeeds
     * @throws IOException the last attempt's failure, the earlier ones suppressed in it
     */
    static Connected connect(NativeSockets layer, Decision decision, int port, int timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        List<IOException> failures = new ArrayList<>();
        for (Destination destination : decision.destinations()) {
            InetSocketAddress remote = new InetSocketAddress(destination.address(), port);
            String sourceFailure = null;
            Optional<ConnectSpec.Builder> fromSource = fromSource(decision, remote);
            if (fromSource.isPresent()) {
                try {
                    NativeConnection connection = layer.connect(within(fromSource.get(), deadline, remote));
                    return new Connected(connection, fallbackReason(null, decision, connection));
                } catch (IOException e) {
                    failures.add(e);
                    sourceFailure = e.getMessage();
                    LOG.log(Level.DEBUG, () -> "Delegated connect from the decision's source failed: " + e);
                }
            }
            try {
                NativeConnection connection = layer.connect(within(plain(decision, remote), deadline, remote));
                return new Connected(connection, fallbackReason(sourceFailure, decision, connection));
            } catch (IOException e) {
                failures.add(e);
            }
        }
        IOException last = failures.isEmpty() ? new IOException("the decision has no destination")
                : failures.remove(failures.size() - 1);
        failures.forEach(last::addSuppressed);
        throw last;
    }

    /** @return the attempt from the decision's source; empty when the decision leaves the source to the OS */
    private static Optional<ConnectSpec.Builder> fromSource(Decision decision, InetSocketAddress remote) {
        Optional<InetAddress> address = decision.sourceAddress()
                .filter(source -> source.getClass() == remote.getAddress().getClass());
        if (address.isEmpty() && decision.sourceInterface().isEmpty()) {
            return Optional.empty();
        }
        ConnectSpec.Builder spec = plain(decision, remote).sourceAddress(address.orElse(null));
        try {
            spec.device(decision.sourceInterface().orElse(null));
        } catch (IllegalArgumentException notALinuxName) {
            LOG.log(Level.DEBUG, () -> "Not binding to the decision's interface: " + notALinuxName);
        }
        return Optional.of(spec);
    }

    /** @return the attempt from the OS-default source, with the decision's transport and options */
    private static ConnectSpec.Builder plain(Decision decision, InetSocketAddress remote) {
        return ConnectSpec.builder().remote(remote).transport(decision.transport()).options(decision.options());
    }

    private static ConnectSpec within(ConnectSpec.Builder spec, long deadline, InetSocketAddress remote)
            throws SocketTimeoutException {
        long left = deadline - System.nanoTime();
        if (left < TimeUnit.MILLISECONDS.toNanos(1)) {
            throw new SocketTimeoutException("no time left to connect to " + remote);
        }
        return spec.connectTimeout(Duration.ofNanos(left)).build();
    }

    /**
     * @param sourceFailure why the decision's source could not be used, or null when it was or there was none
     * @param decision      the decision
     * @param connection    the connection made
     * @return why the connection differs from the decision, empty when it does not
     */
    private static String fallbackReason(String sourceFailure, Decision decision, NativeConnection connection) {
        List<String> reasons = new ArrayList<>();
        if (sourceFailure != null) {
            List<String> source = new ArrayList<>();
            decision.sourceInterface().ifPresent(source::add);
            decision.sourceAddress().ifPresent(address -> source.add(address.getHostAddress()));
            reasons.add("the decision's source (" + String.join(" ", source) + ") could not be used, connected from"
                    + " the OS default source: " + sourceFailure);
        }
        connection.fallbackReason().ifPresent(reason -> reasons.add("MPTCP fell back to TCP: " + reason));
        return String.join("; ", reasons);
    }
}
