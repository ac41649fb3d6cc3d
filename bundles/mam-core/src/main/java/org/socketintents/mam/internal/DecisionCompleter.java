package org.socketintents.mam.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.DecisionRequest;
import org.socketintents.api.policy.Destination;

/**
 * Turns a policy's decision into one the client can act on: a chosen interface becomes a source address of
 * the destination's family, a source that cannot be used is dropped (the OS chooses instead), and the
 * destination order only names addresses the request had.
 */
final class DecisionCompleter {

    private DecisionCompleter() {
    }

    static Decision complete(Decision decision, DecisionRequest request) {
        List<Destination> destinations = orderedDestinations(decision, request);
        Decision.Builder completed = decision.toBuilder().destinations(destinations);
        Class<? extends InetAddress> family = familyOf(destinations.isEmpty() ? request.destinations() : destinations);
        Optional<String> interfaceName = decision.sourceInterface();
        if (interfaceName.isPresent()) {
            Optional<InterfaceDescription> chosen = request.interfaces().named(interfaceName.get())
                    .filter(InterfaceDescription::isUsableAsSource);
            if (chosen.isEmpty()) {
                return completed.sourceInterface(null).sourceAddress(null)
                        .reason(decision.reason() + " [interface " + interfaceName.get()
                                + " is not usable; OS default source]")
                        .build();
            }
            if (decision.sourceAddress().isEmpty()) {
                Optional<InetAddress> address = chosen.get().sourceAddress(family);
                if (address.isEmpty()) {
                    return completed.sourceInterface(null)
                            .reason(decision.reason() + " [interface " + interfaceName.get() + " has no "
                                    + (family == Inet4Address.class ? "IPv4" : "IPv6") + " address; OS default source]")
                            .build();
                }
                completed.sourceAddress(address.get());
            }
        }
        return completed.build();
    }

    /**
     * A policy may reorder or drop the request's destinations, not invent new ones. Without an order from the
     * policy, addresses learned on the chosen interface come first: a CDN answers each access network with the
     * servers best reached over it.
     */
    private static List<Destination> orderedDestinations(Decision decision, DecisionRequest request) {
        if (decision.destinations().isEmpty()) {
            return decision.sourceInterface().map(chosen -> learnedOnFirst(request.destinations(), chosen))
                    .orElse(request.destinations());
        }
        List<Destination> ordered = new ArrayList<>(decision.destinations().size());
        for (Destination chosen : decision.destinations()) {
            for (Destination known : request.destinations()) {
                if (known.address().equals(chosen.address()) && !ordered.contains(known)) {
                    ordered.add(known);
                    break;
                }
            }
        }
        return ordered.isEmpty() ? request.destinations() : ordered;
    }

    private static List<Destination> learnedOnFirst(List<Destination> destinations, String interfaceName) {
        List<Destination> ordered = new ArrayList<>(destinations.size());
        for (Destination destination : destinations) {
            if (interfaceName.equals(destination.learnedOn())) {
                ordered.add(destination);
            }
        }
        for (Destination destination : destinations) {
            if (!interfaceName.equals(destination.learnedOn())) {
                ordered.add(destination);
            }
        }
        return ordered;
    }

    private static Class<? extends InetAddress> familyOf(List<Destination> destinations) {
        return !destinations.isEmpty() && destinations.get(0).address() instanceof Inet6Address
                ? Inet6Address.class : Inet4Address.class;
    }
}
