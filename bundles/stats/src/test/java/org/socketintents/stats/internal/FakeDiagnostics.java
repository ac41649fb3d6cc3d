package org.socketintents.stats.internal;

import java.io.IOException;
import java.util.List;

import org.socketintents.api.transport.SocketDiagnostics;
import org.socketintents.api.transport.TcpConnectionInfo;

/** Socket diagnostics that answer what the test last told them: a dump, or a failure. */
final class FakeDiagnostics implements SocketDiagnostics {

    private volatile List<TcpConnectionInfo> connections = List.of();
    private volatile Exception failure;

    void answer(TcpConnectionInfo... dump) {
        connections = List.of(dump);
        failure = null;
    }

    void fail(Exception problem) {
        failure = problem;
    }

    @Override
    public List<TcpConnectionInfo> tcpConnections() throws IOException {
        Exception problem = failure;
        if (problem instanceof IOException io) {
            throw io;
        }
        if (problem instanceof RuntimeException runtime) {
            throw runtime;
        }
        return connections;
    }
}
