package org.socketintents.siget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.socketintents.siget.TwoPhaseDownloadTest.bytes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketintents.siget.TestServer.Resource;

/** wget's -p: the objects a page embeds, fetched once each, one after the other or several at once. */
class PageRequisitesTest {

    @TempDir
    Path dir;

    private TestServer server;
    private final Map<String, byte[]> requisites = new LinkedHashMap<>();

    @BeforeEach
    void startServer() throws IOException {
        server = TestServer.http();
        for (String path : List.of("/dir/style.css", "/favicon.ico", "/js/app.js", "/dir/img/a.png",
                "/dir/img/b.png", "/dir/img/c.png", "/dir/img/d.png", "/dir/img/poster.png", "/dir/media/v.mp4",
                "/top.png")) {
            byte[] body = bytes(path.length() * 500); // all below the 15 KiB probe
            requisites.put(path, body);
            server.put(path, Resource.of(body, "application/octet-stream"));
        }
        server.put("/dir/page.html", Resource.html("<!DOCTYPE html><html><head>"
                + "<link rel=\"stylesheet\" href=\"style.css\">"
                + "<link rel=\"shortcut icon\" href=\"/favicon.ico\">"
                + "<link rel=\"alternate\" href=\"/feed.xml\">"
                + "<script src=\"" + server.url("/js/app.js") + "\"></script>"
                + "</head><body>"
                + "<img src=\"img/a.png\"><img src=\"img/a.png#again\">"
                + "<img srcset=\"img/b.png 1x, img/c.png 2x\">"
                + "<picture><source srcset=\"img/d.png\"></picture>"
                + "<video poster=\"img/poster.png\"><source src=\"media/v.mp4\"></video>"
                + "<img src=\"../top.png\">"
                + "<a href=\"other.html\">not a requisite</a>"
                + "</body></html>"));
    }

    @AfterEach
    void stopServer() throws IOException {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4})
    void everyEmbeddedObjectIsFetchedOnceAndSavedUnderHostAndPath(int parallel) throws IOException {
        SigetRun run = SigetRun.of("-q", "-p", "--parallel", parallel, "--category", "query", "--filesize", "auto",
                "-P", dir, "--mam-socket", dir.resolve("no-mam.sock"), server.url("/dir/page.html"));

        assertEquals(0, run.exit(), run.stderr());
        Path site = dir.resolve("127.0.0.1:" + server.url("/").getPort());
        assertTrue(Files.isRegularFile(site.resolve("dir/page.html")));
        for (Map.Entry<String, byte[]> requisite : requisites.entrySet()) {
            assertArrayEquals(requisite.getValue(), Files.readAllBytes(site.resolve(requisite.getKey().substring(1))),
                    requisite.getKey());
        }
        List<String> requested = server.requests().stream().map(TestServer.Request::path).distinct()
                .collect(Collectors.toList());
        assertEquals(requisites.size() + 1, requested.size(), requested.toString());
        for (String path : requisites.keySet()) {
            // each object is small enough for the probe: one request each, the one seen twice included
            assertEquals(1, server.requests(path).size(), path);
        }
        assertFalse(requested.contains("/feed.xml"));
        assertFalse(requested.contains("/dir/other.html"));
        assertTrue(server.connections() <= parallel, "connections: " + server.connections());
    }

    @Test
    void aMissingRequisiteFailsTheRunButTheOthersAreSaved() throws IOException {
        server.put("/dir/img/c.png", Resource.status(404));

        SigetRun run = SigetRun.of("-q", "-p", "--parallel", 3, "-P", dir, "--mam-socket",
                dir.resolve("no-mam.sock"), server.url("/dir/page.html"));

        assertEquals(8, run.exit(), run.stderr());
        Path site = dir.resolve("127.0.0.1:" + server.url("/").getPort());
        assertFalse(Files.exists(site.resolve("dir/img/c.png")));
        assertArrayEquals(requisites.get("/dir/img/b.png"), Files.readAllBytes(site.resolve("dir/img/b.png")));
    }

    @Test
    void withoutPageRequisitesOnlyThePageIsFetched() throws IOException {
        SigetRun run = SigetRun.of("-q", "-P", dir, "--mam-socket", dir.resolve("no-mam.sock"),
                server.url("/dir/page.html"));

        assertEquals(0, run.exit(), run.stderr());
        assertEquals(List.of("/dir/page.html"), server.requests().stream().map(TestServer.Request::path)
                .collect(Collectors.toList()));
        assertTrue(Files.isRegularFile(dir.resolve("page.html")));
    }
}
