package org.socketintents.lab.corpus;

import java.nio.charset.StandardCharsets;

/** What an embedded object is: how the page references it, its file extension and how its content looks. */
public enum ObjectKind {
    GIF("gif", "GIF89a", false),
    PNG("png", "\u0089PNG\r\n\u001a\n", false),
    JPEG("jpg", "\u00ff\u00d8\u00ff\u00e0", false),
    SCRIPT("js", "/* lab corpus */\n", true),
    STYLE("css", "/* lab corpus */\n", true);

    private final String extension;
    private final byte[] header;
    private final boolean text;

    ObjectKind(String extension, String header, boolean text) {
        this.extension = extension;
        this.header = header.getBytes(StandardCharsets.ISO_8859_1);
        this.text = text;
    }

    public String extension() {
        return extension;
    }

    /** The bytes a file of this kind starts with (when it is long enough), so tools recognise its type. */
    byte[] header() {
        return header.clone();
    }

    /** Text content (scripts, style sheets) rather than binary (images). */
    boolean text() {
        return text;
    }
}
