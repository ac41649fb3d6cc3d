package org.socketintents.itests.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.socketintents.api.net.AddressFamily;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.policy.Transport;
import org.socketintents.api.resolver.MultiInterfaceResolver;
import org.socketintents.api.stats.InterfaceStatistics;
import org.socketintents.api.transport.ConnectSpec;
import org.socketintents.api.transport.NativeConnection;
import org.socketintents.api.transport.NativeSockets;
import org.socketintents.api.transport.SocketDiagnostics;
import org.socketintents.api.transport.TcpConnectionInfo;

/**
 * The bundles with third-party and native dependencies, inside Felix: JNA and the embedded junixsocket load, MPTCP
 * sockets connect, the kernel's socket diagnostics are read, the statistics collector publishes its snapshot, and
 * the resolver runs on dnsjava with slf4j through SPI Fly.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class NativeAndStatisticsIT {

    @Inject
    private NativeSockets sockets;

    @Inject
    private SocketDiagnostics diagnostics;

    @Inject
    private InterfaceStatistics statistics;

    @Inject
    private MultiInterfaceResolver resolver;

    @Configuration
    public Option[] configuration() {
        return TestRuntime.configuration();
    }

    @Test
    public void capabilitiesAreDetectedInsideTheFramework() {
        assertFalse("this kernel has no SCTP", sockets.capabilities().sctp().available());
        assertFalse(sockets.capabilities().sctp().reason().isEmpty());
    }

    @Test
    public void aNativeConnectionIsHandedOutAsASocketAndSeenByTheDiagnostics() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress remote = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
            NativeConnection connection = sockets.connect(ConnectSpec.builder().remotes(List.of(remote))
                    .transport(Transport.MPTCP).build());
            try (Socket accepted = server.accept(); Socket socket = connection.toSocket()) {
                assertEquals(remote, socket.getRemoteSocketAddress());
                OutputStream out = socket.getOutputStream();
                out.write(42);
                out.flush();
                InputStream in = accepted.getInputStream();
                assertEquals(42, in.read());

                boolean seen = false;
                for (TcpConnectionInfo info : diagnostics.tcpConnections()) {
                    seen |= info.remote().equals(remote) && info.state() == TcpConnectionInfo.ESTABLISHED;
                }
                assertTrue("sock_diag lists the connection", seen);
            }
        }
    }

    @Test
    public void theResolverRunsWithDnsjavaInsideTheFramework() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> resolver.resolve("bad..name", AddressFamily.ANY, Interfaces.empty()));
        assertTrue(refused.getMessage(), refused.getMessage().contains("bad..name"));
        assertTrue(resolver.cached("example.invalid").isEmpty());
    }

    @Test
    public void statisticsPublishASnapshotPerInterface() throws Exception {
        Eventually.await("the statistics snapshot lists lo", () -> statistics.snapshot(),
                snapshot -> snapshot.of("lo").isPresent());
    }
}
