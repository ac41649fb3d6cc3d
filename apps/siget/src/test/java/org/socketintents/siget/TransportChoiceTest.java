package org.socketintents.siget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.socketintents.siget.TwoPhaseDownloadTest.bytes;
import static org.socketintents.siget.TwoPhaseDownloadTest.column;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Transport;
import org.socketintents.api.transport.ProtocolSupport;
import org.socketintents.nativemptcp.internal.NativeSocketService;
import org.socketintents.protocol.SocketConnectRequest;
import org.socketintents.siget.TestServer.Resource;

/**
 * Which way siget connects for a decision: TCP decisions with an intent socket of its own, MPTCP decisions by
 * having the MAM connect (the JDK cannot create MPTCP sockets), and without a MAM the OS default way; the timings'
 * transport column tells what the connection got.
 */
@Timeout(60)
class TransportChoiceTest {

    private static final byte[] BODY = bytes(100_000);
    private static final InetAddress LOOPBACK = address("127.0.0.1");
    private static final InetAddress SECOND_LOOPBACK = address("127.0.0.2");

    @TempDir
    Path dir;

    private SigetRun download(Path mamSocket, Path timings, Object... urls) {
        return SigetRun.of(List.of("-q", "--category", "bulk", "--filesize", "5M", "-P", dir, "--mam-socket",
                mamSocket, "--timings", timings), urls);
    }

    /** Serves two files and has one siget run download both; checks that both arrived whole. */
    private void downloadTwoFiles(TestServer server, FakeMam mam, Path timings) throws IOException {
        byte[] second = bytes(70_000);
        server.put("/big.bin", Resource.of(BODY, "application/octet-stream"));
        server.put("/second.bin", Resource.of(second, "application/octet-stream"));

        SigetRun run = download(mam.path(), timings, server.url("/big.bin"), server.url("/second.bin"));

        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(BODY, Files.readAllBytes(dir.resolve("big.bin")));
        assertArrayEquals(second, Files.readAllBytes(dir.resolve("second.bin")));
    }

    private static Decision decision(Transport transport, InetAddress source) {
        return Decision.builder().sourceAddress(source).transport(transport).reason("fake " + transport).build();
    }

    @Test
    void anMptcpDecisionHasTheMamConnectAndTheDownloadRunsOverMptcp() throws IOException {
        Path timings = dir.resolve("timings.csv");
        MptcpListener listener = mptcpListener();
        try (TestServer server = TestServer.http(listener);
             FakeMam mam = new FakeMam(dir.resolve("mam.sock"), request -> decision(Transport.MPTCP, LOOPBACK))) {
            server.put("/big.bin", Resource.of(BODY, "application/octet-stream"));

            SigetRun run = download(mam.path(), timings, server.url("/big.bin"));

            assertEquals(0, run.exit(), run.stderr());
            assertArrayEquals(BODY, Files.readAllBytes(dir.resolve("big.bin")));
            Intents intents = Intents.builder().category(Category.BULK_TRANSFER).fileSize(5_000_000).build();
            assertEquals(List.of(intents), mam.connectIntents(), "one decision planned the route");
            SocketConnectRequest connect = mam.socketConnects().get(0);
            assertEquals(1, mam.socketConnects().size());
            assertEquals(new InetSocketAddress(LOOPBACK, server.url("/").getPort()), connect.endpoint(),
                    "the MAM connects to the address the route resolved");
            assertEquals(intents, connect.intents());
            assertEquals(List.of(MptcpListener.IPPROTO_MPTCP), listener.protocols(),
                    "the server's kernel accepted an MPTCP connection");
        }
        Timing record = Timing.readCsv(timings).get(0);
        assertEquals("mptcp", record.get("transport"));
        assertEquals("new", record.get("connection"));
        assertEquals("lo", record.get("interface"));
    }

    /** The second request knows the server has no MPTCP: it takes the kept-alive connection, asking no MAM. */
    @Test
    void anMptcpDecisionToAServerWithoutMptcpRunsOverTheTcpTheMamsSocketFellBackTo() throws IOException {
        Path timings = dir.resolve("timings.csv");
        try (TestServer server = TestServer.http();
             FakeMam mam = new FakeMam(dir.resolve("mam.sock"), request -> decision(Transport.MPTCP, LOOPBACK))) {
            downloadTwoFiles(server, mam, timings);
            assertEquals(1, mam.socketConnects().size());
            assertEquals(1, server.connections());
        }
        List<Timing> records = Timing.readCsv(timings);
        assertEquals(List.of("tcp", "tcp"), column(records, "transport"));
        assertEquals(List.of("new", "reused"), column(records, "connection"));
    }

    /**
     * Without the read timeout a server that stops sending would hold siget forever. (The adopted socket reports
     * the timeout as "Resource temporarily unavailable", not as a SocketTimeoutException: junixsocket's read.)
     */
    @Test
    void theReadTimeoutAppliesToTheConnectionTheMamMade() throws IOException {
        Path timings = dir.resolve("timings.csv");
        try (TestServer server = TestServer.http();
             FakeMam mam = new FakeMam(dir.resolve("mam.sock"), request -> decision(Transport.MPTCP, LOOPBACK))) {
            server.put("/stuck.bin", Resource.of(BODY, "application/octet-stream").stalling(1, 1000));

            SigetRun run = SigetRun.of("-q", "--category", "bulk", "--filesize", "5M", "-P", dir, "--mam-socket",
                    mam.path(), "--timings", timings, "-T", 1, "-t", 1, server.url("/stuck.bin"));

            assertEquals(4, run.exit(), run.stderr());
            assertEquals(1, mam.socketConnects().size());
        }
        Timing record = Timing.readCsv(timings).get(0);
        assertEquals("1000", record.get("bytes"));
        assertFalse(record.get("error").isEmpty(), record.toString());
        assertFalse(Files.exists(dir.resolve("stuck.bin")));
    }

    @Test
    void aTcpDecisionConnectsAnIntentSocketWithoutAskingTheMamToConnect() throws IOException {
        Path timings = dir.resolve("timings.csv");
        try (TestServer server = TestServer.http();
             FakeMam mam = new FakeMam(dir.resolve("mam.sock"),
                     request -> decision(Transport.TCP, SECOND_LOOPBACK))) {
            server.put("/big.bin", Resource.of(BODY, "application/octet-stream"));

            SigetRun run = download(mam.path(), timings, server.url("/big.bin"));

            assertEquals(0, run.exit(), run.stderr());
            assertArrayEquals(BODY, Files.readAllBytes(dir.resolve("big.bin")));
            assertEquals(1, mam.connectIntents().size());
            assertEquals(List.of(), mam.socketConnects());
            assertEquals(List.of(SECOND_LOOPBACK), server.connectionPeers());
        }
        Timing record = Timing.readCsv(timings).get(0);
        assertEquals("tcp", record.get("transport"));
        assertTrue(record.get("local_address").startsWith("127.0.0.2:"), record.toString());
    }

    @Test
    void withoutAMamTheDownloadRunsOverTcpTheOsDefaultWay() throws IOException {
        Path timings = dir.resolve("timings.csv");
        try (TestServer server = TestServer.http()) {
            server.put("/big.bin", Resource.of(BODY, "application/octet-stream"));

            SigetRun run = download(dir.resolve("absent.sock"), timings, server.url("/big.bin"));

            assertEquals(0, run.exit(), run.stderr());
            assertArrayEquals(BODY, Files.readAllBytes(dir.resolve("big.bin")));
        }
        assertEquals("tcp", Timing.readCsv(timings).get(0).get("transport"));
    }

    /**
     * The library connects from the OS default source (127.0.0.1) when the MAM cannot; siget replaces that
     * connection by one from the decision's source, and asks the MAM to connect no more.
     */
    @Test
    void aMamThatCannotConnectIsAskedOnceAndTheDecisionsSourceIsKeptOverTcp() throws IOException {
        Path timings = dir.resolve("timings.csv");
        try (TestServer server = TestServer.http();
             FakeMam mam = FakeMam.withoutNativeSockets(dir.resolve("mam.sock"),
                     request -> decision(Transport.MPTCP, SECOND_LOOPBACK))) {
            downloadTwoFiles(server, mam, timings);
            assertEquals(1, mam.socketConnects().size());
            assertEquals(List.of(SECOND_LOOPBACK, SECOND_LOOPBACK),
                    server.requests().stream().map(TestServer.Request::peer).collect(Collectors.toList()));
        }
        List<Timing> records = Timing.readCsv(timings);
        assertEquals(List.of("tcp", "tcp"), column(records, "transport"));
        assertEquals(List.of("new", "reused"), column(records, "connection"), "the second asks the pool for TCP");
    }

    /**
     * Like the MPTCP policy: the probe, without a file size, is single-path TCP; the rest is MPTCP from the same
     * source. The rest must not continue on the probe's kept-alive TCP connection.
     */
    @Test
    void theRestOfATwoPhaseDownloadGetsAnMptcpConnectionRatherThanTheProbesTcpOne() throws IOException {
        Path timings = dir.resolve("timings.csv");
        MptcpListener listener = mptcpListener();
        try (TestServer server = TestServer.http(listener);
             FakeMam mam = new FakeMam(dir.resolve("mam.sock"), request -> decision(
                     request.intents().fileSize().isPresent() ? Transport.MPTCP : Transport.TCP, LOOPBACK))) {
            server.put("/big.bin", Resource.of(BODY, "application/octet-stream"));

            SigetRun run = SigetRun.of("-q", "--category", "query", "--filesize", "auto", "-P", dir, "--mam-socket",
                    mam.path(), "--timings", timings, server.url("/big.bin"));

            assertEquals(0, run.exit(), run.stderr());
            assertArrayEquals(BODY, Files.readAllBytes(dir.resolve("big.bin")));
            assertEquals(List.of(6, MptcpListener.IPPROTO_MPTCP), listener.protocols());
        }
        List<Timing> records = Timing.readCsv(timings);
        assertEquals(List.of("probe", "rest"), column(records, "phase"));
        assertEquals(List.of("tcp", "mptcp"), column(records, "transport"));
        assertEquals(List.of("new", "new"), column(records, "connection"));
    }

    /** Fails, saying why, where the kernel offers no MPTCP: these tests would otherwise prove nothing. */
    private static MptcpListener mptcpListener() {
        ProtocolSupport mptcp = new NativeSocketService().capabilities().mptcp();
        assertTrue(mptcp.available(), "this test needs MPTCP in the kernel (net.mptcp.enabled=1): " + mptcp.reason());
        return MptcpListener.open();
    }

        private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
