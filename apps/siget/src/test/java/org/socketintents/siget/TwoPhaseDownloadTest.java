package org.socketintents.siget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.siget.TestServer.Resource;

/** The paper's two-phase download (section 4): probe, then the rest under the file size, and the routes it takes. */
class TwoPhaseDownloadTest {

    private static final int PROBE = 15 * 1024;

    @TempDir
    Path dir;

    private TestServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = TestServer.http();
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        new Random(count).nextBytes(bytes);
        return bytes;
    }

    private SigetRun run(Path mamSocket, Object... args) {
        return SigetRun.of(List.of("-q", "--category", "query", "--filesize", "auto", "-P", dir, "--mam-socket",
                mamSocket), args);
    }

    private Path noMam() {
        return dir.resolve("no-mam.sock");
    }

    @Test
    void anObjectLargerThanTheProbeTakesTwoRangeRequests() throws IOException {
        byte[] body = bytes(100_000);
        server.put("/big.bin", Resource.of(body, "application/octet-stream"));
        Path timings = dir.resolve("timings.csv");

        SigetRun run = run(noMam(), "--timings", timings, server.url("/big.bin"));

        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(body, Files.readAllBytes(dir.resolve("big.bin")));
        assertEquals(List.of("bytes=0-" + (PROBE - 1), "bytes=" + PROBE + "-"), ranges("/big.bin"));
        List<Timing> records = Timing.readCsv(timings);
        assertEquals(List.of("probe", "rest"), column(records, "phase"));
        assertEquals(List.of("206", "206"), column(records, "status"));
        assertEquals(List.of("0", "" + PROBE), column(records, "range_start"));
        assertEquals(List.of("" + PROBE, "" + (body.length - PROBE)), column(records, "bytes"));
        assertEquals(List.of("{category=QUERY}", "{category=QUERY, filesize=100000}"), column(records, "intents"));
    }

    @Test
    void anObjectOfExactlyTheProbeSizeCompletesInTheFirstPhase() throws IOException {
        byte[] body = bytes(PROBE);
        server.put("/edge.bin", Resource.of(body, "application/octet-stream"));

        SigetRun run = run(noMam(), server.url("/edge.bin"));

        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(body, Files.readAllBytes(dir.resolve("edge.bin")));
        assertEquals(List.of("bytes=0-" + (PROBE - 1)), ranges("/edge.bin"));
    }

    @Test
    void aSmallObjectCompletesInTheFirstPhase() throws IOException {
        byte[] body = bytes(48);
        server.put("/tiny.gif", Resource.of(body, "image/gif"));

        SigetRun run = run(noMam(), "--probe-bytes", 1000, server.url("/tiny.gif"));

        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(body, Files.readAllBytes(dir.resolve("tiny.gif")));
        assertEquals(List.of("bytes=0-999"), ranges("/tiny.gif"));
    }

    @Test
    void aServerIgnoringRangeSendsTheWholeObjectInTheFirstPhase() throws IOException {
        byte[] body = bytes(100_000);
        server.put("/plain.bin", Resource.of(body, "application/octet-stream").ignoringRange());
        Path timings = dir.resolve("timings.csv");

        SigetRun run = run(noMam(), "--timings", timings, server.url("/plain.bin"));

        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(body, Files.readAllBytes(dir.resolve("plain.bin")));
        assertEquals(1, server.requests("/plain.bin").size());
        Timing only = Timing.readCsv(timings).get(0);
        assertEquals("200", only.get("status"));
        assertEquals("100000", only.get("bytes"));
    }

    @Test
    void anEmptyObjectIsSavedEmpty() throws IOException {
        server.put("/empty.txt", Resource.of(new byte[0], "text/plain"));

        SigetRun run = run(noMam(), server.url("/empty.txt"));

        assertEquals(0, run.exit(), run.stderr());
        assertEquals(0, Files.size(dir.resolve("empty.txt")));
        assertEquals(1, server.requests("/empty.txt").size());
    }

    @Test
    void theMamLearnsTheCategoryForTheProbeAndTheFileSizeForTheRest() throws IOException {
        byte[] body = bytes(50_000);
        server.put("/photo.jpg", Resource.of(body, "image/jpeg"));
        try (FakeMam mam = new FakeMam(dir.resolve("mam.sock"), request -> Decision.osDefault("no opinion"))) {
            SigetRun run = SigetRun.of("-q", "--category", "bulk", "--filesize", "auto", "-P", dir,
                    "--mam-socket", mam.path(), server.url("/photo.jpg"));

            assertEquals(0, run.exit(), run.stderr());
            Intents bulk = Intents.builder().category(Category.BULK_TRANSFER).build();
            assertEquals(List.of(bulk, bulk.toBuilder().fileSize(body.length).build()),
                    mam.connectIntents());
        }
    }

    @Test
    void theRestReusesTheKeptAliveConnectionWhenThePolicyPicksTheSameSource() throws IOException {
        byte[] body = bytes(100_000);
        server.put("/big.bin", Resource.of(body, "application/octet-stream"));
        Path timings = dir.resolve("timings.csv");
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (FakeMam mam = new FakeMam(dir.resolve("mam.sock"),
                request -> Decision.builder().sourceAddress(loopback).reason("always lo").build())) {
            SigetRun run = run(mam.path(), "--timings", timings, server.url("/big.bin"));

            assertEquals(0, run.exit(), run.stderr());
        }
        assertArrayEquals(body, Files.readAllBytes(dir.resolve("big.bin")));
        assertEquals(1, server.connections());
        List<Timing> records = Timing.readCsv(timings);
        assertEquals(List.of("new", "reused"), column(records, "connection"));
        assertEquals(records.get(0).get("local_address"), records.get(1).get("local_address"));
        assertEquals("lo", records.get(1).get("interface"));
    }

    @Test
    void theRestReusesTheProbesConnectionWhenThePolicyNamesTheSourceTheOsPickedForTheProbe() throws IOException {
        byte[] body = bytes(100_000);
        server.put("/big.bin", Resource.of(body, "application/octet-stream"));
        Path timings = dir.resolve("timings.csv");
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        // Like the filesize policy: no opinion before the file size is known, then a source for the rest.
        try (FakeMam mam = new FakeMam(dir.resolve("mam.sock"), request -> request.intents().fileSize().isPresent()
                ? Decision.builder().sourceAddress(loopback).reason("small: low delay").build()
                : Decision.osDefault("no file size yet"))) {
            SigetRun run = run(mam.path(), "--timings", timings, server.url("/big.bin"));

            assertEquals(0, run.exit(), run.stderr());
        }
        assertArrayEquals(body, Files.readAllBytes(dir.resolve("big.bin")));
        assertEquals(1, server.connections());
        List<Timing> records = Timing.readCsv(timings);
        assertEquals(List.of("new", "reused"), column(records, "connection"));
        assertEquals(records.get(0).get("local_address"), records.get(1).get("local_address"));
    }

    @Test
    void theRestOpensAConnectionFromTheSourceThePolicyPicksForTheFileSize() throws IOException {
        byte[] body = bytes(100_000);
        server.put("/big.bin", Resource.of(body, "application/octet-stream"));
        Path timings = dir.resolve("timings.csv");
        InetAddress lowDelay = InetAddress.getByName("127.0.0.1");
        InetAddress highBandwidth = InetAddress.getByName("127.0.0.2");
        try (FakeMam mam = new FakeMam(dir.resolve("mam.sock"), request -> Decision.builder()
                .sourceAddress(request.intents().fileSize().isPresent() ? highBandwidth : lowDelay)
                .reason("by file size").build())) {
            SigetRun run = run(mam.path(), "--timings", timings, server.url("/big.bin"));

            assertEquals(0, run.exit(), run.stderr());
        }
        assertArrayEquals(body, Files.readAllBytes(dir.resolve("big.bin")));
        assertEquals(List.of(lowDelay, highBandwidth), server.connectionPeers());
        List<Timing> records = Timing.readCsv(timings);
        assertEquals(List.of("new", "new"), column(records, "connection"));
        assertEquals(List.of("127.0.0.1", "127.0.0.2"), records.stream()
                .map(r -> r.get("local_address").substring(0, r.get("local_address").lastIndexOf(':')))
                .collect(Collectors.toList()));
    }

    @Test
    void aKnownFileSizeIsSentWithASingleRequest() throws IOException {
        byte[] body = bytes(30_000);
        server.put("/known.bin", Resource.of(body, "application/octet-stream"));
        try (FakeMam mam = new FakeMam(dir.resolve("mam.sock"), request -> Decision.osDefault("no opinion"))) {
            SigetRun run = SigetRun.of("-q", "--category", "bulk", "--filesize", "48M", "-P", dir,
                    "--mam-socket", mam.path(), server.url("/known.bin"));

            assertEquals(0, run.exit(), run.stderr());
            assertEquals(List.of(Intents.builder().category(Category.BULK_TRANSFER).fileSize(48_000_000).build()),
                    mam.connectIntents());
        }
        assertArrayEquals(body, Files.readAllBytes(dir.resolve("known.bin")));
        assertNull(server.requests("/known.bin").get(0).header("Range"));
    }

    private List<String> ranges(String path) {
        return server.requests(path).stream().map(r -> r.header("Range")).collect(Collectors.toList());
    }

    static List<String> column(List<Timing> records, String column) {
        return records.stream().map(r -> r.get(column)).collect(Collectors.toList());
    }
}
