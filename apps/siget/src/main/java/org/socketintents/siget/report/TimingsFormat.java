package org.socketintents.siget.report;

import java.nio.file.Path;
import java.util.Locale;
import java.util.List;
import java.util.StringJoiner;

/** How a timings file lays out its records. */
public enum TimingsFormat {
    /** RFC 4180 comma-separated values with a header line. */
    CSV {
        @Override
        String header(List<String> columns) {
            return String.join(",", columns);
        }

        @Override
        String line(List<String> columns, List<Object> values) {
            StringJoiner line = new StringJoiner(",");
            values.forEach(value -> line.add(value == null ? "" : quoted(value.toString())));
            return line.toString();
        }

        private String quoted(String value) {
            if (value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
                return value;
            }
            return '"' + value.replace("\"", "\"\"") + '"';
        }
    },
    /** One JSON object per line, no header. */
    JSON_LINES {
        @Override
        String header(List<String> columns) {
            return null;
        }

        @Override
        String line(List<String> columns, List<Object> values) {
            StringJoiner line = new StringJoiner(",", "{", "}");
            for (int i = 0; i < columns.size(); i++) {
                Object value = values.get(i);
                line.add(string(columns.get(i)) + ":"
                        + (value == null || value instanceof Number ? String.valueOf(value) : string(value.toString())));
            }
            return line.toString();
        }

        private String string(String value) {
            StringBuilder json = new StringBuilder(value.length() + 2).append('"');
            for (char c : value.toCharArray()) {
                switch (c) {
                    case '"': json.append("\\\""); break;
                    case '\\': json.append("\\\\"); break;
                    case '\n': json.append("\\n"); break;
                    case '\r': json.append("\\r"); break;
                    case '\t': json.append("\\t"); break;
                    default:
                        if (c < 0x20) {
                            json.append(String.format("\\u%04x", (int) c));
                        } else {
                            json.append(c);
                        }
                }
            }
            return json.append('"').toString();
        }
    };

    /**
     * @param columns the column names
     * @return the header line, or null when the format has none
     */
    abstract String header(List<String> columns);

    /**
     * @param columns the column names
     * @param values  a record's values, in column order
     * @return the record as one line
     */
    abstract String line(List<String> columns, List<Object> values);

    /**
     * @param file a timings file
     * @return JSON lines for names ending in .json, .jsonl or .ndjson; CSV otherwise
     */
    public static TimingsFormat forFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson") ? JSON_LINES : CSV;
    }
}
