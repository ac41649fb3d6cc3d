package org.socketintents.api.resolver;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.socketintents.api.net.AddressFamily;
import org.socketintents.api.policy.Destination;

/**
 * The state of a multi-interface resolution: the interfaces that answered, in the order they answered, and those
 * still pending. Immutable: {@link MultiInterfaceResolver#resolve} hands a snapshot to its {@code enough} predicate
 * after each answer and returns the last one.
 *
 * @param host       the host name as asked
 * @param family     the address records asked for
 * @param answers    one per interface that answered, in the order the answers arrived
 * @param pending    the interfaces asked that had not answered yet (when the resolution ended, for a returned one)
 * @param skipped    interfaces that could have been asked but were not, with the reason (no DNS server, no
 *                   source address)
 * @param completion why the resolution ended, or {@link Completion#IN_PROGRESS} for a snapshot taken while it ran
 * @param elapsed    time since the resolution started
 */
public record Resolution(String host, AddressFamily family, List<InterfaceAnswer> answers, Set<String> pending,
                         Map<String, String> skipped, Completion completion, Duration elapsed) {

    /** Why a resolution ended. */
    public enum Completion {
        /** A snapshot handed to the {@code enough} predicate: the resolution is still running. */
        IN_PROGRESS,
        /** Every interface asked has answered. */
        ALL_ANSWERED,
        /** The {@code enough} predicate ended it before every interface answered. */
        ENOUGH,
        /** The configured deadline passed before every interface answered. */
        DEADLINE,
        /** The waiting thread was interrupted; its interrupt status is set again. */
        INTERRUPTED
    }

    public Resolution {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(family, "family");
        answers = List.copyOf(answers);
        pending = Collections.unmodifiableSet(new LinkedHashSet<>(pending));
        skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        Objects.requireNonNull(completion, "completion");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * @return every address learned so far, each tagged with the interface it was learned on, in the order the
     *         interfaces answered; an address learned on two interfaces appears once per interface, so that the
     *         policy can choose which one to prefer
     */
    public List<Destination> destinations() {
        List<Destination> destinations = new ArrayList<>();
        for (InterfaceAnswer answer : answers) {
            for (InetAddress address : answer.addresses()) {
                destinations.add(new Destination(address, answer.interfaceName()));
            }
        }
        return List.copyOf(destinations);
    }

    /** @return whether some interface resolved the name to an address */
    public boolean hasAddresses() {
        return answers.stream().anyMatch(InterfaceAnswer::hasAddresses);
    }

    /**
     * @param interfaceName an interface name
     * @return that interface's answer, if it has answered
     */
    public Optional<InterfaceAnswer> answer(String interfaceName) {
        return answers.stream().filter(a -> a.interfaceName().equals(interfaceName)).findFirst();
    }

    /**
     * The getaddrinfo view of the resolution.
     *
     * @return {@link #destinations()}, never empty
     * @throws UnknownHostException if no interface resolved the name; the message says what each interface
     *                              answered and which were skipped or still pending
     */
    public List<Destination> destinationsOrThrow() throws UnknownHostException {
        if (hasAddresses()) {
            return destinations();
        }
        List<String> why = new ArrayList<>();
        for (InterfaceAnswer answer : answers) {
            why.add(answer.interfaceName() + ": " + answer.outcome()
                    + (answer.error() == null ? "" : " (" + answer.error() + ")"));
        }
        pending.forEach(name -> why.add(name + ": no answer before the resolution ended (" + completion + ")"));
        skipped.forEach((name, reason) -> why.add(name + ": not asked (" + reason + ")"));
        throw new UnknownHostException(host + ": " + (why.isEmpty() ? "no interface can resolve names"
                : String.join("; ", why)));
    }

    @Override
    public String toString() {
        return host + " " + family + " " + completion + " after " + elapsed.toMillis() + " ms " + answers
                + (pending.isEmpty() ? "" : " pending " + pending) + (skipped.isEmpty() ? "" : " skipped " + skipped);
    }

    static String hostAddresses(List<InetAddress> addresses) {
        return addresses.isEmpty() ? ""
                : addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", ", " [", "]"));
    }
}
