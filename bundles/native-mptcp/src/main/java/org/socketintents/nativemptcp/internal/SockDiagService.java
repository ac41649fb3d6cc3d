package org.socketintents.nativemptcp.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.socketintents.api.transport.SocketDiagnostics;
import org.socketintents.api.transport.TcpConnectionInfo;

/** The {@link SocketDiagnostics} service: a netlink sock_diag dump per call. */
@Component(service = SocketDiagnostics.class)
public final class SockDiagService implements SocketDiagnostics {

    /** The kernel answers a dump at once; waiting longer would only hide a hung netlink socket. */
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(5);

    private final SockDiagDump dump = new SockDiagDump(REPLY_TIMEOUT);

    /** Binds the C library now: without JNA's native part the service must not be offered at all. */
    @Activate
    void activate() {
        LibC.load();
    }

    @Override
    public List<TcpConnectionInfo> tcpConnections() throws IOException {
        return dump.tcpConnections();
    }
}
