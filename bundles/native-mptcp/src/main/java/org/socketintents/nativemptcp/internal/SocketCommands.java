package org.socketintents.nativemptcp.internal;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.socketintents.api.transport.NativeSockets;
import org.socketintents.api.transport.SocketDiagnostics;
import org.socketintents.api.transport.TcpConnectionInfo;
import org.socketintents.api.transport.TransportCapabilities;

/** Console commands, scope {@code sockets}: {@code sockets:capabilities} and {@code sockets:tcp}. */
@Component(service = SocketCommands.class, property = {
        "osgi.command.scope=sockets",
        "osgi.command.function=capabilities",
        "osgi.command.function=tcp"})
public final class SocketCommands {

    private static final List<String> STATES = List.of("?", "ESTABLISHED", "SYN_SENT", "SYN_RECV", "FIN_WAIT1",
            "FIN_WAIT2", "TIME_WAIT", "CLOSE", "CLOSE_WAIT", "LAST_ACK", "LISTEN", "CLOSING", "NEW_SYN_RECV");

    private final NativeSockets sockets;
    private final SocketDiagnostics diagnostics;

    @Activate
    public SocketCommands(@Reference(name = "sockets") NativeSockets sockets,
                          @Reference(name = "diagnostics") SocketDiagnostics diagnostics) {
        this.sockets = sockets;
        this.diagnostics = diagnostics;
    }

    /** @return whether MPTCP and SCTP are available, why, and the kernel's relevant sysctls */
    public String capabilities() {
        TransportCapabilities capabilities = sockets.capabilities();
        StringBuilder s = new StringBuilder()
                .append("MPTCP: ").append(capabilities.mptcp()).append('\n')
                .append("SCTP:  ").append(capabilities.sctp()).append('\n');
        for (Map.Entry<String, String> fact : capabilities.kernelFacts().entrySet()) {
            s.append(fact.getKey()).append(" = ").append(fact.getValue()).append('\n');
        }
        return s.toString();
    }

    /**
     * @return one line per TCP connection of the host (not listening or TIME_WAIT sockets): addresses, state, RTT,
     *         retransmissions, MPTCP subflow or not
     */
    public String tcp() throws IOException {
        StringBuilder s = new StringBuilder();
        for (TcpConnectionInfo c : diagnostics.tcpConnections()) {
            s.append(SocketAddresses.format(c.local())).append(" -> ").append(SocketAddresses.format(c.remote()))
                    .append(' ').append(c.state() < STATES.size() ? STATES.get(c.state()) : "state " + c.state())
                    .append(" rtt=").append(c.rttMicros()).append("us")
                    .append(" retrans=").append(c.totalRetransmits())
                    .append(c.mptcp() ? " mptcp-subflow" : "").append('\n');
        }
        return s.toString();
    }
}
