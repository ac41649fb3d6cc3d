package org.socketintents.lab.topology;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Finds a description by file path or by the name of one shipped with the lab ("paper", "paper-i1slow"). */
public final class Descriptions {

    public static final String DEFAULT = "paper";
    public static final List<String> SHIPPED = List.of("paper", "paper-i1slow");
    private static final String RESOURCE_DIR = "/org/socketintents/lab/topologies/";

    private Descriptions() {
    }

    /** The text of the description named or stored at {@code reference}. */
    public static String text(String reference) throws IOException, DescriptionException {
        if (SHIPPED.contains(reference)) {
            try (InputStream in = Descriptions.class.getResourceAsStream(RESOURCE_DIR + reference + ".lab")) {
                if (in == null) {
                    throw new IOException("shipped description " + reference + " missing from the class path");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        Path path = Path.of(reference);
        if (!Files.isRegularFile(path)) {
            throw new DescriptionException(reference, "no such file, and not a shipped description " + SHIPPED);
        }
        return Files.readString(path);
    }

    public static Description load(String reference) throws IOException, DescriptionException {
        return DescriptionParser.parse(text(reference), reference);
    }
}
