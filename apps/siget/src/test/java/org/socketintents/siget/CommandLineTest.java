package org.socketintents.siget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.socketintents.siget.TwoPhaseDownloadTest.bytes;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketintents.siget.TestServer.Resource;

/** The options a wget user reaches for, and the usage errors. */
class CommandLineTest {

    @TempDir
    Path dir;

    private TestServer server;
    private final byte[] body = bytes(20_000);

    @BeforeEach
    void startServer() throws IOException {
        server = TestServer.http();
        server.put("/data.bin", Resource.of(body, "application/octet-stream"));
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    private List<Object> common() {
        return List.of("-P", dir, "--mam-socket", dir.resolve("no-mam.sock"));
    }

    @Test
    void helpListsTheIntentsAndTheExitStatus() {
        SigetRun run = SigetRun.of("--help");

        assertEquals(0, run.exit());
        String help = new String(run.stdout(), StandardCharsets.UTF_8);
        for (String expected : List.of("--filesize=N|auto", "--probe-bytes", "--category", "--parallel",
                "--timings", "--no-check-certificate", "Exit status", "8   the server answered")) {
            assertTrue(help.contains(expected), expected + " in\n" + help);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"--category=fast", "--filesize=lots", "--burstiness=sometimes", "--tries=0",
            "--parallel=0", "--probe-bytes=0", "--timings-format=xml", "--intent=timeliness=soon"})
    void aBadOptionValueIsAUsageError(String option) {
        SigetRun run = SigetRun.of(common(), option, "--timings", dir.resolve("t.csv"), server.url("/data.bin"));

        assertEquals(2, run.exit(), run.stderr());
        assertTrue(run.stderr().startsWith("siget: "), run.stderr());
        assertTrue(server.requests().isEmpty());
    }

    @Test
    void aBadCategoryNamesTheValidOnes() {
        SigetRun run = SigetRun.of(common(), "--category", "fast", server.url("/data.bin"));

        assertTrue(run.stderr().contains("query, bulk-transfer, control-traffic, stream"), run.stderr());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1/file", "http://", "http://exa mple.org/"})
    void aUrlThatIsNotHttpIsAUsageError(String url) {
        assertEquals(2, SigetRun.of(common(), url).exit());
    }

    @Test
    void noUrlIsAUsageError() {
        assertEquals(2, SigetRun.of("-q").exit());
    }

    @Test
    void outputDocumentWithPageRequisitesIsAUsageError() {
        assertEquals(2, SigetRun.of(common(), "-p", "-O", dir.resolve("x"), server.url("/data.bin")).exit());
    }

    @Test
    void outputDocumentNamesTheFile() throws IOException {
        Path file = dir.resolve("named.out");

        SigetRun run = SigetRun.of(common(), "-q", "-O", file, server.url("/data.bin"));

        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(body, Files.readAllBytes(file));
    }

    @Test
    void anOutputDocumentThatIsAPipeIsWrittenIntoNotReplaced() throws Exception {
        // As -O /dev/null must be: a rename over a device would replace it with a regular file.
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        SigetRun run = SigetRun.of(common(), "-q", "-O", fifo, server.url("/data.bin"));

        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(body, read.get(30, TimeUnit.SECONDS));
        assertTrue(Files.exists(fifo), "the pipe is still there");
        assertFalse(Files.isRegularFile(fifo), "the pipe was not replaced by a regular file");
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(fifo), left.filter(p -> !p.getFileName().toString().endsWith(".csv")).toList(),
                    "no part file left beside it");
        }
    }

    @Test
    void outputDocumentDashWritesStandardOutput() {
        SigetRun run = SigetRun.of(common(), "-q", "--filesize", "auto", "-O", "-", server.url("/data.bin"));

        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(body, run.stdout());
    }

    @Test
    void aNameAlreadyTakenGetsANumberAppendedAsInWget() throws IOException {
        Files.writeString(dir.resolve("data.bin"), "older");

        SigetRun run = SigetRun.of(common(), "-q", server.url("/data.bin"), server.url("/data.bin"));

        assertEquals(0, run.exit(), run.stderr());
        assertEquals("older", Files.readString(dir.resolve("data.bin")));
        assertArrayEquals(body, Files.readAllBytes(dir.resolve("data.bin.1")));
        assertArrayEquals(body, Files.readAllBytes(dir.resolve("data.bin.2")));
    }

    @Test
    void aUrlWithoutSchemeIsHttp() throws IOException {
        String url = server.url("/data.bin").toString().substring("http://".length());

        SigetRun run = SigetRun.of(common(), "-q", url);

        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(body, Files.readAllBytes(dir.resolve("data.bin")));
    }

    @Test
    void quietPrintsNothingAndOtherwiseEachFileIsReported() {
        assertEquals("", SigetRun.of(common(), "-q", server.url("/data.bin")).stderr());

        SigetRun run = SigetRun.of(common(), server.url("/data.bin"));

        assertTrue(run.stderrLines().stream().anyMatch(line -> line.startsWith("siget: saved ")
                && line.endsWith("data.bin.1' [20000 bytes]")), run.stderr());
    }

    @Test
    void aTerminalGetsAProgressBarAndAPipeDoesNot() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = {"-P", dir.toString(), "--mam-socket", dir.resolve("no-mam.sock").toString(),
            server.url("/data.bin").toString()};

        int exit = Siget.run(args, new PrintStream(new ByteArrayOutputStream(), true),
                new PrintStream(err, true, StandardCharsets.UTF_8), true);

        assertEquals(0, exit);
        String terminal = err.toString(StandardCharsets.UTF_8);
        assertTrue(terminal.contains("100% [==============================] 20.0 KB  1 file"), terminal);
        assertFalse(SigetRun.of(common(), server.url("/data.bin")).stderr().contains("%"));
    }

    @Test
    void versionIsPrinted() {
        SigetRun run = SigetRun.of("--version");

        assertEquals(0, run.exit());
        assertTrue(new String(run.stdout(), StandardCharsets.UTF_8).startsWith("siget "));
    }
}
