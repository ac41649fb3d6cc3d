package org.socketintents.lab.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** Reads siget's CSV timings (RFC 4180: quoted fields may hold commas and doubled quotes). */
public final class TimingsFile {

    private static final List<String> NEEDED = List.of("url", "phase", "status", "bytes", "object_size",
            "interface", "start_ms", "end_ms", "error");

    private TimingsFile() {
    }

    public static List<Timing> read(Path file) throws IOException {
        return parse(Files.readString(file), file.toString());
    }

    static List<Timing> parse(String text, String source) throws IOException {
        List<List<String>> rows = rows(text);
        if (rows.isEmpty()) {
            throw new IOException(source + ": no header");
        }
        Map<String, Integer> column = new HashMap<>();
        List<String> header = rows.get(0);
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i), i);
        }
        for (String name : NEEDED) {
            if (!column.containsKey(name)) {
                throw new IOException(source + ": no column " + name);
            }
        }
        List<Timing> timings = new ArrayList<>();
        for (int r = 1; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            if (row.size() != header.size()) {
                throw new IOException(source + ": row " + r + " has " + row.size() + " fields, header " + header.size());
            }
            try {
                String size = row.get(column.get("object_size"));
                String status = row.get(column.get("status"));
                timings.add(new Timing(row.get(column.get("url")), row.get(column.get("phase")),
                        status.isEmpty() ? 0 : Integer.parseInt(status),
                        Long.parseLong(row.get(column.get("bytes"))),
                        size.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(size)),
                        row.get(column.get("interface")),
                        Long.parseLong(row.get(column.get("start_ms"))),
                        Long.parseLong(row.get(column.get("end_ms"))),
                        row.get(column.get("error"))));
            } catch (NumberFormatException e) {
                throw new IOException(source + ": row " + r + ": " + e.getMessage(), e);
            }
        }
        return timings;
    }

    private static List<List<String>> rows(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
