package org.socketintents.api.net;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.ToDoubleFunction;

/**
 * A snapshot of the host's interfaces, with the rankings policies need: which usable interface has the
 * highest bandwidth, which the lowest latency. Immutable; a new snapshot is taken on every change.
 */
public final class Interfaces implements Iterable<InterfaceDescription> {

    private static final Interfaces EMPTY = new Interfaces(0, List.of());

    private final long generation;
    private final List<InterfaceDescription> all;
    private final List<InterfaceDescription> sourceCandidates;

    /**
     * @param generation increases with every change the monitor sees, so that a consumer can tell whether
     *                   two snapshots differ without comparing them
     * @param all        every interface, in the kernel's order
     */
    public Interfaces(long generation, List<InterfaceDescription> all) {
        this.generation = generation;
        this.all = List.copyOf(all);
        List<InterfaceDescription> usable = new ArrayList<>();
        for (InterfaceDescription description : this.all) {
            if (description.isUsableAsSource()) {
                usable.add(description);
            }
        }
        this.sourceCandidates = List.copyOf(usable);
    }

    /** @return a snapshot with no interfaces, generation 0 */
    public static Interfaces empty() {
        return EMPTY;
    }

    /** @return the generation this snapshot was taken at */
    public long generation() {
        return generation;
    }

    /** @return every interface, in the kernel's order */
    public List<InterfaceDescription> all() {
        return all;
    }

    /** @return the interfaces a policy may choose as the source: up, enabled, with a usable address */
    public List<InterfaceDescription> sourceCandidates() {
        return sourceCandidates;
    }

    /**
     * @param name an interface name
     * @return the interface of that name, if present
     */
    public Optional<InterfaceDescription> named(String name) {
        for (InterfaceDescription description : all) {
            if (description.name().equals(name)) {
                return Optional.of(description);
            }
        }
        return Optional.empty();
    }

    /**
     * @return among the source candidates with a configured download bandwidth, the one with the highest;
     *         ties go to the lower RTT, then to the earlier interface
     */
    public Optional<InterfaceDescription> highestDownloadBandwidth() {
        return best(d -> d.downloadBandwidth().isPresent(),
                Comparator.comparingLong((InterfaceDescription d) -> -d.downloadBandwidth().getAsLong())
                        .thenComparingDouble(orInfinity(d -> d.rttMillis())));
    }

    /**
     * @return among the source candidates with a configured RTT, the one with the lowest; ties go to the
     *         higher download bandwidth, then to the earlier interface
     */
    public Optional<InterfaceDescription> lowestRtt() {
        return best(d -> d.rttMillis().isPresent(),
                Comparator.comparingDouble((InterfaceDescription d) -> d.rttMillis().getAsDouble())
                        .thenComparingLong(d -> -orZero(d.downloadBandwidth())));
    }

    /**
     * @return among the source candidates with a configured cost, the cheapest; ties go to the earlier
     *         interface
     */
    public Optional<InterfaceDescription> lowestCost() {
        return best(d -> d.cost().isPresent(), Comparator.comparingDouble(d -> d.cost().getAsDouble()));
    }

    private Optional<InterfaceDescription> best(java.util.function.Predicate<InterfaceDescription> hasFigure,
                                                Comparator<InterfaceDescription> order) {
        InterfaceDescription best = null;
        for (InterfaceDescription candidate : sourceCandidates) {
            if (hasFigure.test(candidate) && (best == null || order.compare(candidate, best) < 0)) {
                best = candidate;
            }
        }
        return Optional.ofNullable(best);
    }

    private static ToDoubleFunction<InterfaceDescription> orInfinity(
            java.util.function.Function<InterfaceDescription, OptionalDouble> figure) {
        return d -> figure.apply(d).orElse(Double.POSITIVE_INFINITY);
    }

    private static long orZero(OptionalLong value) {
        return value.orElse(0);
    }

    @Override
    public Iterator<InterfaceDescription> iterator() {
        return all.iterator();
    }

    @Override
    public String toString() {
        return "Interfaces#" + generation + all;
    }
}
