package org.socketintents.siget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A record of a CSV timings file, read back by column name. */
final class Timing {

    private final Map<String, String> fields;

    private Timing(Map<String, String> fields) {
        this.fields = fields;
    }

    /** Reads a CSV timings file. */
    static List<Timing> readCsv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] columns = lines.get(0).split(",", -1);
        List<Timing> timings = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> values = splitCsv(line);
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < columns.length; i++) {
                fields.put(columns[i], values.get(i));
            }
            timings.add(new Timing(fields));
        }
        return timings;
    }

    /** RFC 4180 splitting: quoted fields may hold commas and doubled quotes. */
    static List<String> splitCsv(String line) {
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                value.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                values.add(value.toString());
                value.setLength(0);
            } else {
                value.append(c);
            }
        }
        values.add(value.toString());
        return values;
    }

    String get(String column) {
        if (!fields.containsKey(column)) {
            throw new IllegalArgumentException("no column " + column + " in " + fields.keySet());
        }
        return fields.get(column);
    }

    long number(String column) {
        return Long.parseLong(get(column));
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
