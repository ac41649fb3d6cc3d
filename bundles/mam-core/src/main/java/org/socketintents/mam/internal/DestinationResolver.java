package org.socketintents.mam.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.socketintents.api.Intents;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.policy.DecisionRequest;
import org.socketintents.api.policy.Destination;
import org.socketintents.api.policy.RequestKind;
import org.socketintents.api.resolver.MultiInterfaceResolver;
import org.socketintents.api.resolver.Resolution;
import org.socketintents.protocol.AddressFamily;

/**
 * Finds the destinations of a host name: over every interface with its own DNS servers when the multi-interface
 * resolver runs (section 3.3 of the paper), ending early when the policy has what it needs; otherwise, and for what
 * DNS cannot answer (localhost, the hosts file), with the system resolver.
 */
final class DestinationResolver {

    private static final Logger LOG = System.getLogger(DestinationResolver.class.getName());

    private final SystemResolver system = new SystemResolver();

    /**
     * @param host       the name or IP literal
     * @param family     the families wanted
     * @param intents    the request's intents, for the policy's early-completion rule
     * @param port       the request's port, likewise
     * @param interfaces the interfaces to resolve over
     * @param policy     the policy deciding this request
     * @param multi      the multi-interface resolver, or null when none runs
     * @return the destinations, tagged with the interface they were learned on where known
     * @throws UnknownHostException if no resolver knows the name
     */
    List<Destination> resolve(String host, AddressFamily family, Intents intents, int port, Interfaces interfaces,
                              ActivePolicy policy, MultiInterfaceResolver multi) throws UnknownHostException {
        if (multi == null || isLiteralOrLocal(host)) {
            return system.resolve(host, family);
        }
        Resolution resolution;
        try {
            resolution = multi.resolve(host, org.socketintents.api.net.AddressFamily.valueOf(family.name()),
                    interfaces, soFar -> enough(soFar, intents, port, interfaces, policy));
        } catch (IllegalArgumentException malformed) {
            throw new UnknownHostException(malformed.getMessage());
        }
        if (resolution.hasAddresses()) {
            return resolution.destinations();
        }
        try {
            // The hosts file, or no interface has a DNS server: the system resolver may still know the name.
            return system.resolve(host, family);
        } catch (UnknownHostException e) {
            return resolution.destinationsOrThrow();
        }
    }

    /**
     * @param address   a destination the application connects to
     * @param multi     the multi-interface resolver, or null
     * @return the destination tagged with the interface whose DNS answer most recently held it, if any
     */
    Destination tag(InetAddress address, MultiInterfaceResolver multi) {
        if (multi == null) {
            return Destination.of(address);
        }
        List<String> learnedOn = multi.learnedOn(address);
        return learnedOn.isEmpty() ? Destination.of(address) : new Destination(address, learnedOn.get(0));
    }

    private static boolean enough(Resolution soFar, Intents intents, int port, Interfaces interfaces,
                                  ActivePolicy policy) {
        if (policy.isMissing()) {
            return soFar.pending().isEmpty();
        }
        DecisionRequest partial = DecisionRequest.builder(RequestKind.RESOLVE).intents(intents).host(soFar.host())
                .port(port).interfaces(interfaces).destinations(soFar.destinations()).build();
        try {
            return policy.policy().isResolutionComplete(partial, Set.copyOf(soFar.pending()));
        } catch (RuntimeException | Error e) {
            LOG.log(Level.WARNING, "Policy '" + policy.name() + "' failed to say whether a resolution is complete;"
                    + " waiting for every interface", e);
            return false;
        }
    }

    /** IP literals need no lookup; localhost must never be asked of a network's DNS (RFC 6761). */
    private static boolean isLiteralOrLocal(String host) {
        String name = host.toLowerCase(Locale.ROOT);
        return name.equals("localhost") || name.endsWith(".localhost") || name.indexOf(':') >= 0
                || name.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }
}
