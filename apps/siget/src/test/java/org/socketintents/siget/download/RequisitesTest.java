package org.socketintents.siget.download;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequisitesTest {

    @TempDir
    Path dir;

    private List<URI> requisites(String html, String url) throws IOException {
        Path page = dir.resolve("page.html");
        Files.writeString(page, html);
        return Requisites.of(page, URI.create(url));
    }

    @Test
    void baseHrefRedirectsRelativeReferences() throws IOException {
        assertEquals(List.of(URI.create("http://cdn.example/static/a.png")),
                requisites("<base href=\"http://cdn.example/static/\"><img src=\"a.png\">", "http://site/x/p.html"));
    }

    @Test
    void onlyHttpReferencesCount() throws IOException {
        assertEquals(List.of(URI.create("https://site/b.js")), requisites(
                "<img src=\"data:image/gif;base64,R0lGOD\"><script src=\"javascript:void(0)\"></script>"
                        + "<img src=\"mailto:a@b\"><script src=\"b.js\"></script>", "https://site/p.html"));
    }

    @Test
    void thePageItselfAndFragmentsAreNotRequisites() throws IOException {
        assertEquals(List.of(URI.create("http://site/img%20one.png")), requisites(
                "<iframe src=\"#top\"></iframe><img src=\"img one.png#x\"><img src=\"img%20one.png\">",
                "http://site/"));
    }

    @Test
    void objectsFramesAndBackgroundsAreRequisites() throws IOException {
        assertEquals(List.of(URI.create("http://site/bg.png"), URI.create("http://site/f.html"),
                URI.create("http://site/m.swf"), URI.create("http://site/e.svg"), URI.create("http://site/go.png")),
                requisites("<body background=bg.png><iframe src=f.html></iframe><object data=m.swf></object>"
                        + "<embed src=e.svg><input type=image src=go.png><input type=text src=no.png>",
                        "http://site/"));
    }
}
