package org.socketintents.lab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketintents.lab.scenario.Measurement;

class ReportTest {

    private static Measurement page(String scenario, String variant, String page, int rep, double seconds) {
        return new Measurement(scenario, variant, page, 2_800_000, rep, seconds * 1000, "i1=131", 0);
    }

    private static Measurement object(String variant, long kib, double seconds) {
        return new Measurement("filesize-sweep", variant, "object", kib * 1024, 1, seconds * 1000, "i1=2", 0);
    }

    @Test
    void quartilesInterpolateBetweenOrderStatistics() {
        Quartiles q = Quartiles.of(List.of(4.0, 1.0, 3.0, 2.0, 5.0));

        assertEquals(3.0, q.median());
        assertEquals(2.0, q.q1());
        assertEquals(4.0, q.q3());
        assertEquals(2.5, Quartiles.of(List.of(2.0, 3.0)).median());
    }

    @Test
    void reportSetsOurRatiosBesideThePapersAndDrawsEachFigure(@TempDir Path dir) throws IOException {
        List<Measurement> ms = new ArrayList<>();
        for (int rep = 1; rep <= 3; rep++) {
            ms.add(page("bulk-vs-query", "i1-only", "news", rep, 20 + rep));
            ms.add(page("bulk-vs-query", "i2-only", "news", rep, 15 + rep));
            ms.add(page("bulk-vs-query", "category", "news", rep, 6 + rep));
            ms.add(page("offload", "i1-only", "news", rep, 25));
            ms.add(page("offload", "i2-only", "news", rep, 24));
            ms.add(page("offload", "round-robin", "news", rep, 20));
            ms.add(page("offload", "filesize-100k", "news", rep, 13));
        }
        ms.add(object("i1-only", 10, 0.1));
        ms.add(object("i2-only", 10, 0.3));
        ms.add(object("i1-only", 1000, 1.6));
        ms.add(object("i2-only", 1000, 1.3));
        ms.add(object("i1-only", 2000, 3.0));
        ms.add(object("i2-only", 2000, 2.0));
        ms.add(new Measurement("offload", "round-robin", "news", 0, 4, Double.NaN, "", 1));

        Path report = new Report(ms, "Test run.").write(dir);

        String md = Files.readString(report);
        assertTrue(md.contains("| news | category | 3 | 8.00 s | 7.50 s | 8.50 s | i1=131 |"), md);
        assertTrue(md.contains("- news: category 64 % faster vs. i1 only, 53 % faster vs. i2 only;"), md);
        assertTrue(md.contains("from 1000 KiB on"), md);
        assertTrue(md.contains("round robin 20 % faster vs. i1' only, 17 % faster vs. i2 only; filesize 35 % faster"),
                md);
        assertTrue(md.contains("1 measurement(s) had failed requests"), md);
        for (String figure : List.of("bulk-vs-query", "filesize-sweep", "offload")) {
            assertTrue(Files.size(dir.resolve(figure + ".png")) > 1000, figure);
            assertTrue(Files.readString(dir.resolve(figure + ".svg")).contains("<svg xmlns="), figure);
        }
    }
}
