package org.socketintents.siget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.socketintents.siget.TwoPhaseDownloadTest.bytes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketintents.siget.TestServer.Resource;

/** Without a MAM siget downloads the OS default way and says so once, in a process of its own as users run it. */
class NoMamTest {

    @TempDir
    Path dir;

    @Test
    void plainDownloadsAfterExactlyOneWarningLine() throws IOException, InterruptedException {
        byte[] small = bytes(100);
        byte[] large = bytes(60_000);
        try (TestServer server = TestServer.http()) {
            server.put("/page.html", Resource.html("<img src=small.bin><img src=large.bin>"));
            server.put("/small.bin", Resource.of(small, "application/octet-stream"));
            server.put("/large.bin", Resource.of(large, "application/octet-stream"));

            Process siget = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Siget.class.getName(),
                    "--mam-socket", dir.resolve("absent.sock").toString(), "--category", "query",
                    "--filesize", "auto", "-p", "--parallel", "2", "-P", dir.toString(),
                    server.url("/page.html").toString()))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            String stderr = new String(siget.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(siget.waitFor(60, TimeUnit.SECONDS));

            assertEquals(0, siget.exitValue(), stderr);
            List<String> warnings = new ArrayList<>();
            for (String line : stderr.lines().toList()) {
                assertTrue(line.startsWith("siget: "), "only siget's own lines, no logging: " + stderr);
                if (!line.startsWith("siget: saved ") && !line.startsWith("siget: downloaded ")) {
                    warnings.add(line);
                }
            }
            assertEquals(1, warnings.size(), stderr);
            assertTrue(warnings.get(0).startsWith("siget: warning: no usable Socket Intents MAM at "), stderr);
            Path site = dir.resolve("127.0.0.1:" + server.url("/").getPort());
            assertArrayEquals(small, Files.readAllBytes(site.resolve("small.bin")));
            assertArrayEquals(large, Files.readAllBytes(site.resolve("large.bin")));
        }
    }
}
