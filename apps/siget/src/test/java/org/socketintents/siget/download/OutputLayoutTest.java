package org.socketintents.siget.download;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputLayoutTest {

    @TempDir
    Path dir;

    private Optional<Path> flat(String url) {
        return OutputLayout.flat(dir).outputFor(URI.create(url)).path();
    }

    private Optional<Path> mirror(String url) {
        return OutputLayout.mirror(dir).outputFor(URI.create(url)).path();
    }

    @Test
    void flatNamesAreTheLastPathSegmentOrIndexHtml() {
        assertEquals(Optional.of(dir.resolve("b.png")), flat("http://h/a/b.png"));
        assertEquals(Optional.of(dir.resolve("index.html")), flat("http://h/a/"));
        assertEquals(Optional.of(dir.resolve("index.html")), flat("http://h"));
        assertEquals(Optional.of(dir.resolve("q?x=1&y=2")), flat("http://h/q?x=1&y=2"));
        assertEquals(Optional.of(dir.resolve("my file%2Fx")), flat("http://h/my%20file%2Fx"));
    }

    @Test
    void flatNamesTakenInTheRunGetNumbers() {
        OutputLayout layout = OutputLayout.flat(dir);
        URI url = URI.create("http://h/a.css");

        assertEquals(Optional.of(dir.resolve("a.css")), layout.outputFor(url).path());
        assertEquals(Optional.of(dir.resolve("a.css.1")), layout.outputFor(url).path());
    }

    @Test
    void mirrorKeepsHostPortAndPath() {
        assertEquals(Optional.of(dir.resolve("h/a/b/c.js")), mirror("http://h/a/b/c.js"));
        assertEquals(Optional.of(dir.resolve("h:8080/index.html")), mirror("http://h:8080/"));
        assertEquals(Optional.of(dir.resolve("h/index.html")), mirror("https://h:443"));
        assertEquals(Optional.of(dir.resolve("h/etc/passwd")), mirror("http://h/../../etc/passwd"));
    }

    @Test
    void aSingleDocumentMayBeStandardOutput() {
        assertEquals(Optional.empty(), OutputLayout.single("-").outputFor(URI.create("http://h/x")).path());
        assertEquals(Optional.of(Path.of("out.bin")),
                OutputLayout.single("out.bin").outputFor(URI.create("http://h/x")).path());
    }
}
