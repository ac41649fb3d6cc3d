package org.socketintents.siget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.socketintents.siget.TwoPhaseDownloadTest.bytes;
import static org.socketintents.siget.TwoPhaseDownloadTest.column;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketintents.siget.TestServer.Resource;
import org.socketintents.siget.TestServer.Resource.Framing;

/** Servers that are not the easy case: framing, redirects, errors, and connections lost in the middle of a body. */
class TransferRobustnessTest {

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

    private SigetRun siget(Object... args) {
        return SigetRun.of(List.of("-P", dir, "--mam-socket", dir.resolve("no-mam.sock")), args);
    }

    /** @return the names of the files in the download directory, hidden part files included */
    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> !name.equals("timings.csv")).sorted()
                    .collect(Collectors.toList());
        }
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void everyFramingDeliversTheWholeObjectInOnePhase(Framing framing) throws IOException {
        byte[] body = bytes(70_000);
        server.put("/file.bin", Resource.of(body, "application/octet-stream").framed(framing));

        SigetRun run = siget("-q", server.url("/file.bin"));

        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(body, Files.readAllBytes(dir.resolve("file.bin")));
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void everyFramingDeliversTheWholeObjectInTwoPhases(Framing framing) throws IOException {
        byte[] body = bytes(70_000);
        server.put("/file.bin", Resource.of(body, "application/octet-stream").framed(framing));

        SigetRun run = siget("-q", "--filesize", "auto", server.url("/file.bin"));

        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(body, Files.readAllBytes(dir.resolve("file.bin")));
        assertEquals(2, server.requests("/file.bin").size());
    }

    @Test
    void aConnectionResetMidBodyIsResumedWhereItStopped() throws IOException {
        byte[] body = bytes(200_000);
        server.put("/file.bin", Resource.of(body, "application/octet-stream").resetting(1, 50_000));
        Path timings = dir.resolve("timings.csv");

        SigetRun run = siget("-q", "--timings", timings, server.url("/file.bin"));

        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(body, Files.readAllBytes(dir.resolve("file.bin")));
        List<Timing> records = Timing.readCsv(timings);
        assertEquals(List.of("1", "2"), column(records, "attempt"));
        assertFalse(records.get(0).get("error").isEmpty());
        long received = records.get(0).number("bytes");
        assertEquals(received, records.get(1).number("range_start"));
        // A reset may discard bytes that had arrived but were not read yet: the resumption starts after those read.
        assertEquals(received == 0 ? null : "bytes=" + received + "-",
                server.requests("/file.bin").get(1).header("Range"));
    }

    @Test
    void aResetDuringTheSecondPhaseIsResumedWithTheFileSizeIntent() throws IOException {
        byte[] body = bytes(200_000);
        server.put("/file.bin", Resource.of(body, "application/octet-stream").resetting(1, 50_000));
        Path timings = dir.resolve("timings.csv");

        SigetRun run = siget("-q", "--filesize", "auto", "--timings", timings, server.url("/file.bin"));

        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(body, Files.readAllBytes(dir.resolve("file.bin")));
        List<Timing> records = Timing.readCsv(timings);
        assertEquals(List.of("probe", "rest", "rest"), column(records, "phase"));
        assertEquals(List.of("{filesize=200000}", "{filesize=200000}"), column(records, "intents").subList(1, 3));
        assertEquals(records.get(1).number("range_start") + records.get(1).number("bytes"),
                records.get(2).number("range_start"));
    }

    @Test
    void aResumeAnsweredWithTheWholeObjectReplacesWhatWasWritten() throws IOException {
        byte[] body = bytes(200_000);
        server.put("/file.bin", Resource.of(body, "application/octet-stream").ignoringRange().resetting(1, 50_000));

        SigetRun run = siget("-q", server.url("/file.bin"));

        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(body, Files.readAllBytes(dir.resolve("file.bin")));
    }

    @ParameterizedTest
    @EnumSource(Framing.class)
    void aConnectionLostForGoodLeavesNoFile(Framing framing) throws IOException {
        byte[] body = bytes(200_000);
        server.put("/file.bin", Resource.of(body, "application/octet-stream").framed(framing).resetting(3, 50_000));

        SigetRun run = siget("-t", 3, server.url("/file.bin"));

        assertEquals(4, run.exit(), run.stderr());
        assertEquals(3, server.requests("/file.bin").size());
        assertEquals(List.of(), files());
        assertTrue(run.stderr().contains("after 3 tries"), run.stderr());
    }

    @Test
    void aRedirectIsFollowedAndTheFileNamedAfterTheUrlGiven() throws IOException {
        byte[] body = bytes(1000);
        server.put("/old", Resource.redirect(302, "/new/place.bin"));
        server.put("/new/place.bin", Resource.of(body, "application/octet-stream"));

        SigetRun run = siget("-q", server.url("/old"));

        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(body, Files.readAllBytes(dir.resolve("old")));
    }

    @Test
    void theSecondPhaseGoesStraightToWhereTheFirstWasRedirected() throws IOException {
        byte[] body = bytes(100_000);
        server.put("/old.bin", Resource.redirect(301, server.url("/new.bin").toString()));
        server.put("/new.bin", Resource.of(body, "application/octet-stream"));

        SigetRun run = siget("-q", "--filesize", "auto", server.url("/old.bin"));

        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(body, Files.readAllBytes(dir.resolve("old.bin")));
        assertEquals(1, server.requests("/old.bin").size());
        assertEquals(List.of("bytes=0-15359", "bytes=15360-"), server.requests("/new.bin").stream()
                .map(r -> r.header("Range")).collect(Collectors.toList()));
    }

    @Test
    void aRedirectLoopIsAProtocolError() throws IOException {
        server.put("/a", Resource.redirect(302, "/b"));
        server.put("/b", Resource.redirect(302, "/a"));

        SigetRun run = siget("--max-redirect", 5, server.url("/a"));

        assertEquals(7, run.exit(), run.stderr());
        assertEquals(List.of(), files());
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 500})
    void anErrorStatusFailsWithEightAndWritesNothing(int status) throws IOException {
        server.put("/missing", Resource.status(status));

        SigetRun run = siget("--filesize", "auto", server.url("/missing"));

        assertEquals(8, run.exit(), run.stderr());
        assertEquals(List.of(), files());
        assertTrue(run.stderr().contains(" " + status + " "), run.stderr());
    }

    @Test
    void aRefusedConnectionIsANetworkFailureNotRetried() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }

        SigetRun run = siget("-t", 5, "http://127.0.0.1:" + closedPort + "/x");

        assertEquals(4, run.exit(), run.stderr());
        assertFalse(run.stderr().contains("tries"), run.stderr());
        assertEquals(List.of(), files());
    }

    @Test
    void afterSeveralFailuresTheLowestNumberedStatusWins() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        server.put("/missing", Resource.status(404));

        SigetRun run = siget("-q", server.url("/missing"), "http://127.0.0.1:" + closedPort + "/x");

        assertEquals(4, run.exit(), run.stderr());
    }
}
