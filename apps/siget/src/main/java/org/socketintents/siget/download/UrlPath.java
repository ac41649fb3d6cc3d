package org.socketintents.siget.download;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Turns a URL's path into file names, as wget does: decoded, without "." and "..", index.html for directories. */
final class UrlPath {

    static final String INDEX = "index.html";

    private UrlPath() {
    }

    /**
     * @param url an http or https URL
     * @return the directories of its path, decoded; empty for the root
     */
    static List<String> directories(URI url) {
        List<String> segments = segments(url);
        return segments.isEmpty() ? segments : segments.subList(0, segments.size() - 1);
    }

    /**
     * @param url an http or https URL
     * @return the file name its path ends in, its query kept after a "?"; {@value #INDEX} for a directory
     */
    static String fileName(URI url) {
        String rawPath = url.getRawPath() == null ? "" : url.getRawPath();
        List<String> segments = segments(url);
        String name = rawPath.endsWith("/") || segments.isEmpty() ? INDEX : segments.get(segments.size() - 1);
        return url.getRawQuery() == null ? name : name + "?" + url.getRawQuery();
    }

    private static List<String> segments(URI url) {
        List<String> segments = new ArrayList<>();
        String rawPath = url.getRawPath() == null ? "" : url.getRawPath();
        for (String raw : rawPath.split("/")) {
            String segment = decode(raw);
            if (!segment.isEmpty() && !segment.equals(".") && !segment.equals("..")) {
                segments.add(segment);
            }
        }
        return segments;
    }

    /** Percent-decodes one segment; a "/" or NUL it hides stays encoded, so a segment stays one file name. */
    private static String decode(String raw) {
        String decoded;
        try {
            decoded = URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw; // a malformed escape is kept as it was written
        }
        return decoded.replace("/", "%2F").replace("\0", "%00");
    }
}
