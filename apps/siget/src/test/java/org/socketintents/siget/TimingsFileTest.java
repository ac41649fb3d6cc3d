package org.socketintents.siget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.socketintents.siget.TwoPhaseDownloadTest.bytes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketintents.siget.TestServer.Resource;
import org.socketintents.siget.report.TimingRecord;

/** --timings: one record per request, as CSV or JSON lines, with what the lab needs to analyse a run. */
class TimingsFileTest {

    @TempDir
    Path dir;

    private TestServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = TestServer.http();
        server.put("/object.bin", Resource.of(bytes(40_000), "application/octet-stream"));
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    private SigetRun siget(Object... args) {
        return SigetRun.of(List.of("-q", "--category", "query", "--filesize", "auto", "-P", dir, "--mam-socket",
                dir.resolve("no-mam.sock")), args);
    }

    @Test
    void csvHasAHeaderAndOneRecordPerPhase() throws IOException {
        Path file = dir.resolve("run.csv");
        long before = System.currentTimeMillis();

        SigetRun run = siget("--timings", file, server.url("/object.bin"));

        long after = System.currentTimeMillis();
        assertEquals(0, run.exit(), run.stderr());
        assertEquals(String.join(",", TimingRecord.COLUMNS), Files.readAllLines(file).get(0));
        List<Timing> records = Timing.readCsv(file);
        assertEquals(2, records.size());
        for (Timing record : records) {
            assertEquals(server.url("/object.bin").toString(), record.get("url"));
            assertEquals("40000", record.get("object_size"));
            assertEquals("lo", record.get("interface"));
            assertTrue(record.get("local_address").startsWith("127.0.0.1:"), record.toString());
            assertEquals("127.0.0.1:" + server.url("/").getPort(), record.get("remote_address"));
            assertTrue(before <= record.number("start_ms"), record.toString());
            assertTrue(record.number("start_ms") <= record.number("first_byte_ms"), record.toString());
            assertTrue(record.number("first_byte_ms") <= record.number("end_ms"), record.toString());
            assertTrue(record.number("end_ms") <= after, record.toString());
            assertEquals("", record.get("error"));
            assertEquals("tcp", record.get("transport"));
        }
        assertEquals("{category=QUERY, filesize=40000}", records.get(1).get("intents"));
        assertTrue(Files.readAllLines(file).get(2).contains("\"{category=QUERY, filesize=40000}\""),
                "a value with a comma is quoted");
    }

    @Test
    void jsonLinesAreChosenByTheFileExtension() throws IOException {
        Path file = dir.resolve("run.jsonl");

        SigetRun run = siget("--timings", file, server.url("/object.bin"));

        assertEquals(0, run.exit(), run.stderr());
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        String probe = lines.get(0);
        assertTrue(probe.startsWith("{\"url\":\"" + server.url("/object.bin") + "\",\"phase\":\"probe\","), probe);
        assertTrue(probe.contains("\"status\":206,"), probe);
        assertTrue(probe.contains("\"bytes\":15360,"), probe);
        assertTrue(probe.contains("\"intents\":\"{category=QUERY}\","), probe);
        assertTrue(probe.contains("\"connection\":\"new\","), probe);
        assertTrue(probe.endsWith(",\"error\":\"\",\"transport\":\"tcp\"}"), probe);
        assertTrue(lines.get(1).contains("\"phase\":\"rest\","), lines.get(1));
    }

    @Test
    void theFormatOptionOverridesTheExtension() throws IOException {
        Path file = dir.resolve("run.csv");

        SigetRun run = siget("--timings", file, "--timings-format", "jsonl", server.url("/object.bin"));

        assertEquals(0, run.exit(), run.stderr());
        assertTrue(Files.readAllLines(file).get(0).startsWith("{\"url\":"));
    }

    @Test
    void aFailedRequestIsRecordedWithItsError() throws IOException {
        Path file = dir.resolve("run.csv");
        server.put("/gone", Resource.status(404));

        SigetRun run = siget("--timings", file, server.url("/gone"));

        assertEquals(8, run.exit(), run.stderr());
        Timing record = Timing.readCsv(file).get(0);
        assertEquals("404", record.get("status"));
        assertEquals("0", record.get("bytes"));
        assertTrue(record.get("error").contains("404"), record.toString());
    }

    @Test
    void anUnwritableTimingsFileIsAFileError() {
        SigetRun run = siget("--timings", dir.resolve("no/such/dir/run.csv"), server.url("/object.bin"));

        assertEquals(3, run.exit(), run.stderr());
    }
}
