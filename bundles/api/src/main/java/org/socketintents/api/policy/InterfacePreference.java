package org.socketintents.api.policy;

import java.util.Locale;
import java.util.Optional;

import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.Interfaces;

/**
 * What kind of interface suits a connection: the ranking that policies share, so that "the high-bandwidth
 * interface" means the same in every policy.
 */
public enum InterfacePreference {
    /** The usable interface with the highest configured download bandwidth. */
    HIGHEST_BANDWIDTH("highest-bandwidth", "bandwidth"),
    /** The usable interface with the lowest configured round-trip time. */
    LOWEST_RTT("lowest-rtt", "latency"),
    /** The usable interface with the lowest configured cost. */
    LOWEST_COST("lowest-cost", "cost"),
    /** No preference: the operating system chooses. */
    OS_DEFAULT("os-default", "none");

    private final String label;
    private final String shortName;

    InterfacePreference(String label, String shortName) {
        this.label = label;
        this.shortName = shortName;
    }

    /**
     * @param text {@code bandwidth}, {@code latency}, {@code cost}, {@code none}, or a label such as
     *             {@code highest-bandwidth}, {@code lowest-rtt}, {@code os-default}, in any case
     * @return the preference
     * @throws IllegalArgumentException if the text names none
     */
    public static InterfacePreference parse(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (InterfacePreference preference : values()) {
            if (preference.label.equals(wanted) || preference.shortName.equals(wanted)) {
                return preference;
            }
        }
        throw new IllegalArgumentException("'" + text + "' is not an interface preference; one of: bandwidth,"
                + " latency, cost, none");
    }

    /**
     * @param interfaces the host's interfaces
     * @return the usable interface this preference picks, if any has the figure it ranks by
     */
    public Optional<InterfaceDescription> select(Interfaces interfaces) {
        switch (this) {
            case HIGHEST_BANDWIDTH:
                return interfaces.highestDownloadBandwidth();
            case LOWEST_RTT:
                return interfaces.lowestRtt();
            case LOWEST_COST:
                return interfaces.lowestCost();
            default:
                return Optional.empty();
        }
    }

    /**
     * Decides the source for a request by this preference. An application that bound its own source keeps it
     * (section 3.3 of the paper: the policy may override it but typically should not).
     *
     * @param request the request
     * @param why     the first part of the reason, e.g. {@code "category query"}
     * @return a decision naming the chosen interface, or the OS default when none qualifies; reusable, since it
     *         depends only on the request and the interfaces' configured figures
     */
    public Decision decide(DecisionRequest request, String why) {
        Optional<Decision> bound = Decision.keepingBoundSource(request, why);
        if (bound.isPresent()) {
            return bound.get();
        }
        if (this == OS_DEFAULT) {
            return Decision.builder().reason(why + ": no interface preference").reusable(true).build();
        }
        Optional<InterfaceDescription> chosen = select(request.interfaces());
        if (chosen.isEmpty()) {
            return Decision.builder().reason(why + " wants the " + this + " interface, but no usable interface"
                    + " has that figure configured").reusable(true).build();
        }
        return Decision.builder()
                .sourceInterface(chosen.get().name())
                .reason(why + " -> " + this + " interface " + chosen.get().name() + figures(chosen.get()))
                .reusable(true)
                .build();
    }

    private static String figures(InterfaceDescription d) {
        StringBuilder s = new StringBuilder(" (");
        d.downloadBandwidth().ifPresent(bps -> s.append(bps / 1_000_000.0).append(" Mbit/s"));
        d.rttMillis().ifPresent(rtt -> s.append(s.length() > 2 ? ", " : "").append(rtt).append(" ms"));
        d.cost().ifPresent(cost -> s.append(s.length() > 2 ? ", " : "").append("cost ").append(cost));
        return s.length() == 2 ? "" : s.append(')').toString();
    }

    /** @return the label, e.g. {@code highest-bandwidth} */
    @Override
    public String toString() {
        return label;
    }
}
