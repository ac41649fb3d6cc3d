package org.socketintents.lab.scenario;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One way of running a scenario: the MAM's active policy and that policy's configuration (PID to key/values).
 * The label names the variant in results, plots and the report.
 */
public record Variant(String label, String policy, Map<String, Map<String, String>> policyConfigurations) {

    public Variant {
        policyConfigurations = Map.copyOf(policyConfigurations);
        if (!label.matches("[a-z0-9][a-z0-9-]*")) {
            throw new IllegalArgumentException("variant label must be lower-case letters, digits and '-': " + label);
        }
    }

    private static final String ONLY = "-only";
    private static final String MPTCP = "mptcp";

    /** The paper's baselines: every connection over one interface. */
    public static Variant only(String linkName) {
        return new Variant(linkName + ONLY, "fixed",
                Map.of("org.socketintents.policy.fixed", Map.of("interface", linkName)));
    }

    /** The link a variant label of {@link #only} names, e.g. "i2" for "i2-only". */
    public static Optional<String> onlyLink(String label) {
        return label.endsWith(ONLY) ? Optional.of(label.substring(0, label.length() - ONLY.length()))
                : Optional.empty();
    }

    /** Scenario 1's Socket Intents policy: bulk transfers to bandwidth, queries to latency. */
    public static Variant category() {
        return new Variant("category", "category", Map.of());
    }

    /** Scenario 2's Socket Intents policy: objects above the threshold to the high-bandwidth interface. */
    public static Variant fileSize(String threshold) {
        return new Variant("filesize-" + threshold.toLowerCase(Locale.ROOT), "filesize",
                Map.of("org.socketintents.policy.filesize", Map.of("threshold", threshold)));
    }

    /**
     * The earliest-arrival policy: per connection, the interface whose predicted completion (setup, slow start,
     * transfer at the free capacity) comes first, from the interfaces' configured figures and, while fresh, the
     * statistics collector's measurements. Its transfer model is set to the lab's links: 1500-byte MTU with TCP
     * timestamps, and Linux's initial window.
     */
    public static Variant earliestArrival() {
        return new Variant("earliest-arrival", "earliest-arrival",
                Map.of("org.socketintents.policy.earliestarrival", Map.of(
                        "mss.bytes", "1448",
                        "initial.window.segments", "10",
                        "use.measured", "true")));
    }

    /**
     * The MPTCP policy: connections that gain from several paths (category bulk transfer, or a filesize intent of at
     * least {@code minFileSize}) get an MPTCP socket whose first subflow takes the lowest-latency interface; the
     * client's subflow endpoints add one over the other link. Everything else is single-path TCP placed by
     * category. Its servers must accept MPTCP, and its repetitions count only when they ran it
     * ({@link MptcpCheck}).
     */
    public static Variant mptcp(String minFileSize) {
        return new Variant(MPTCP, MPTCP, Map.of("org.socketintents.policy.mptcp", Map.of("min.file.size", minFileSize)));
    }

    /** Whether the variant's connections are meant to be MPTCP, which the servers must then accept. */
    public boolean multipath() {
        return policy.equals(MPTCP);
    }

    /** The application-unaware comparison of Scenario 2: alternate interfaces per connection. */
    public static Variant roundRobin() {
        return new Variant("round-robin", "round-robin", Map.of());
    }
}
