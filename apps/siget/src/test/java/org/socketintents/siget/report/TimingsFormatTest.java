package org.socketintents.siget.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class TimingsFormatTest {

    private static final List<String> COLUMNS = List.of("text", "count", "missing");
    private static final List<Object> VALUES = Arrays.asList("a,\"b\"\n\u0001", 42L, null);

    @Test
    void csvQuotesWhatNeedsQuoting() {
        assertEquals("text,count,missing", TimingsFormat.CSV.header(COLUMNS));
        assertEquals("\"a,\"\"b\"\"\n\u0001\",42,", TimingsFormat.CSV.line(COLUMNS, VALUES));
        assertEquals("plain,1,", TimingsFormat.CSV.line(COLUMNS, Arrays.asList("plain", 1, null)));
    }

    @Test
    void jsonLinesEscapeStringsAndKeepNumbersAndNulls() {
        assertEquals(null, TimingsFormat.JSON_LINES.header(COLUMNS));
        assertEquals("{\"text\":\"a,\\\"b\\\"\\n\\u0001\",\"count\":42,\"missing\":null}",
                TimingsFormat.JSON_LINES.line(COLUMNS, VALUES));
    }

    @Test
    void theExtensionChoosesTheFormat() {
        assertEquals(TimingsFormat.JSON_LINES, TimingsFormat.forFile(Path.of("run.JSONL")));
        assertEquals(TimingsFormat.JSON_LINES, TimingsFormat.forFile(Path.of("run.json")));
        assertEquals(TimingsFormat.CSV, TimingsFormat.forFile(Path.of("run.csv")));
        assertEquals(TimingsFormat.CSV, TimingsFormat.forFile(Path.of("timings")));
    }
}
