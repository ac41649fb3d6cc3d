package org.socketintents.lab.scenario;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.socketintents.lab.os.TcpConnection;
import org.socketintents.lab.topology.Layout;

/**
 * What the bulk download received while the page loaded (the paper: Socket Intents speeds up the page "without
 * penalizing the bulk download"). The kernel's byte counter of the bulk connection (tcpi_bytes_received) is read
 * just before the page's siget starts, when the bulk connection is the client's only one to the web server, and
 * again just after it ends: the bytes in between over the time in between is the bulk's goodput while the two
 * competed (or did not, when the policy put them on different links). An MPTCP bulk download is several
 * connections in ss's eyes, one per subflow, all with the same token: its bytes are the sum of theirs.
 */
final class BulkWindow {

    private static final int HTTP_PORT = 80;

    private final List<TcpConnection> opened;
    private final long openedNanos;

    private BulkWindow(List<TcpConnection> opened, long openedNanos) {
        this.opened = opened;
        this.openedNanos = openedNanos;
    }

    /**
     * The window on the client's single web connection (or the subflows of its single MPTCP connection); empty
     * when there is none or more than one.
     */
    static Optional<BulkWindow> open(List<TcpConnection> clientConnections, long nanos) {
        List<TcpConnection> web = clientConnections.stream().filter(c -> c.peerPort() == HTTP_PORT).toList();
        boolean oneConnection = web.size() == 1 || web.size() > 1 && !web.get(0).mptcpToken().isEmpty()
                && web.stream().allMatch(c -> c.mptcpToken().equals(web.get(0).mptcpToken()));
        return oneConnection ? Optional.of(new BulkWindow(web, nanos)) : Optional.empty();
    }

    /**
     * The bulk's bytes and time in the window, its link as "link=1"; a failed measurement when the connection has
     * gone (the bulk download ended or broke before the page was complete).
     */
    Measurement close(List<TcpConnection> clientConnections, long nanos, Layout layout, String scenario,
            String variant, String subject, int repetition) {
        long bytes = 0;
        for (TcpConnection subflow : opened) {
            Optional<TcpConnection> now = clientConnections.stream().filter(subflow::sameAs).findFirst();
            if (now.isEmpty()) {
                return failed(scenario, variant, subject, repetition);
            }
            bytes += now.get().bytesReceived() - subflow.bytesReceived();
        }
        String links = opened.stream().map(c -> layout.links().stream()
                .filter(l -> l.clientAddress().equals(c.localAddress())).map(l -> l.link().name()).findFirst()
                .orElse("none") + "=1").sorted().collect(Collectors.joining(" "));
        return new Measurement(scenario, variant, subject, bytes, repetition, (nanos - openedNanos) / 1e6, links, 0);
    }

    static Measurement failed(String scenario, String variant, String subject, int repetition) {
        return new Measurement(scenario, variant, subject, 0, repetition, Double.NaN, "", 1);
    }
}
