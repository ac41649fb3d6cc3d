package org.socketintents.lab.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The established TCP connections of a network namespace, from {@code ss -tinH} (iproute2): per connection a line
 * with state, queues and both ends, then an indented line of tcp_info fields in which the congestion control is
 * the one bare word that names an algorithm of the kernel. Addresses are IPv4, as the lab's are: those of
 * IPv4-mapped IPv6 sockets are given in their IPv4 form, and a device that ss appends to a bound address
 * ({@code 10.200.2.2%i2:54278}, as for an MPTCP subflow the kernel bound to its endpoint's device) is dropped. An
 * MPTCP subflow's info line carries {@code tcp-ulp-mptcp ... token:LOCAL(id:N)/REMOTE(id:M)}: the remote token
 * is the same for every subflow of one connection.
 */
public final class TcpConnections {

    private static final Path AVAILABLE = Path.of("/proc/sys/net/ipv4/tcp_available_congestion_control");
    private static final String ESTABLISHED = "ESTAB";
    private static final String BYTES_RECEIVED = "bytes_received:";
    private static final String MAPPED = "[::ffff:";
    private static final String TOKEN = "token:";

    private TcpConnections() {
    }

    /** The established connections of {@code namespace} now. */
    public static List<TcpConnection> of(CommandRunner shell, String namespace) throws IOException {
        return parse(shell.run(List.of("ip", "netns", "exec", namespace, "ss", "-tinH")), available());
    }

    /** The congestion control algorithms this kernel has (built in or loaded). */
    public static Set<String> available() throws IOException {
        return Set.of(Files.readString(AVAILABLE).trim().split("\\s+"));
    }

    static List<TcpConnection> parse(String ssOutput, Set<String> algorithms) throws IOException {
        List<TcpConnection> connections = new ArrayList<>();
        String[] ends = null;
        for (String line : ssOutput.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            if (!Character.isWhitespace(line.charAt(0))) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length < 5) {
                    throw new IOException("ss: unexpected connection line: " + line);
                }
                ends = fields[0].equals(ESTABLISHED) ? new String[] {endpoint(fields[3]), endpoint(fields[4])} : null;
            } else if (ends != null) {
                connections.add(connection(ends, line.trim().split("\\s+"), algorithms));
                ends = null;
            }
        }
        return connections;
    }

    /** "10.0.0.1:80" as it is; an IPv4-mapped "[::ffff:10.0.0.1]:80" (Java's dual-stack sockets) as IPv4. */
    private static String endpoint(String field) {
        String address = field.startsWith(MAPPED) ? field.substring(MAPPED.length()).replace("]:", ":") : field;
        int device = address.indexOf('%');
        return device < 0 ? address : address.substring(0, device) + address.substring(address.lastIndexOf(':'));
    }

    private static TcpConnection connection(String[] ends, String[] info, Set<String> algorithms) throws IOException {
        String algorithm = "";
        long received = 0;
        String token = "";
        for (String field : info) {
            if (algorithms.contains(field)) {
                algorithm = field;
            } else if (field.startsWith(BYTES_RECEIVED)) {
                try {
                    received = Long.parseLong(field.substring(BYTES_RECEIVED.length()));
                } catch (NumberFormatException e) {
                    throw new IOException("ss: unreadable " + field, e);
                }
            } else if (field.startsWith(TOKEN) && field.indexOf('/') > 0) {
                String remote = field.substring(field.indexOf('/') + 1);
                token = remote.contains("(") ? remote.substring(0, remote.indexOf('(')) : remote;
            }
        }
        return new TcpConnection(ends[0], ends[1], algorithm, received, token);
    }
}
