package org.socketintents.lab.os;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The MPTCP counters of a network namespace (the {@code MPTcpExt} lines of {@code /proc/net/netstat}, which
 * {@code nstat} shows as {@code MPTcpExt*}). Linux keeps them per namespace, so the client namespace's counters
 * count exactly the connections of its programs.
 */
public record MptcpCounters(Map<String, Long> values) {

    /** The client sent a SYN with MP_CAPABLE: an MPTCP socket connected. */
    public static final String CAPABLE_SYN_SENT = "MPCapableSYNTX";
    /** The server's SYN/ACK carried MP_CAPABLE: the connection is MPTCP. */
    public static final String CAPABLE_SYNACK_RECEIVED = "MPCapableSYNACKRX";
    /** The server's SYN/ACK did not: the MPTCP socket fell back to plain TCP. */
    public static final String FALLBACK_SYNACK = "MPCapableFallbackSYNACK";
    /** A subflow joined an MPTCP connection (the server acknowledged the MP_JOIN). */
    public static final String JOIN_SYNACK_RECEIVED = "MPJoinSynAckRx";

    private static final String PREFIX = "MPTcpExt:";

    public MptcpCounters {
        values = Map.copyOf(values);
    }

    /** The counters of {@code namespace} now. */
    public static MptcpCounters of(CommandRunner shell, String namespace) throws IOException {
        return parse(shell.run(List.of("ip", "netns", "exec", namespace, "cat", "/proc/net/netstat")));
    }

    /** From /proc/net/netstat: a line of names, then a line of values, each starting with "MPTcpExt:". */
    static MptcpCounters parse(String netstat) throws IOException {
        List<String> lines = netstat.lines().filter(l -> l.startsWith(PREFIX)).toList();
        if (lines.size() != 2) {
            throw new IOException("no MPTCP counters in /proc/net/netstat (kernel without MPTCP?)");
        }
        String[] names = lines.get(0).substring(PREFIX.length()).trim().split("\\s+");
        String[] numbers = lines.get(1).substring(PREFIX.length()).trim().split("\\s+");
        if (names.length != numbers.length) {
            throw new IOException("/proc/net/netstat: " + names.length + " MPTCP counter names but " + numbers.length
                    + " values");
        }
        Map<String, Long> values = new HashMap<>();
        try {
            for (int i = 0; i < names.length; i++) {
                values.put(names[i], Long.parseLong(numbers[i]));
            }
        } catch (NumberFormatException e) {
            throw new IOException("/proc/net/netstat: unreadable MPTCP counter: " + e.getMessage(), e);
        }
        return new MptcpCounters(values);
    }

    /** The counter's value, 0 for one this kernel does not have. */
    public long get(String name) {
        return values.getOrDefault(name, 0L);
    }

    /** How much each counter grew since {@code earlier}. */
    public MptcpCounters since(MptcpCounters earlier) {
        Map<String, Long> delta = new HashMap<>();
        values.forEach((name, value) -> delta.put(name, value - earlier.get(name)));
        return new MptcpCounters(delta);
    }
}
