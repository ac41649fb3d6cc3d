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
import org.socketintents.lab.scenario.Variant;

class ReportTest {

    private static Measurement page(String scenario, String variant, String page, int rep, double seconds) {
        return new Measurement(scenario, variant, page, 2_800_000, rep, seconds * 1000, link(variant) + "=131", 0);
    }

    private static Measurement object(String variant, long kib, double seconds) {
        return new Measurement("filesize-sweep", variant, "object", kib * 1024, 1, seconds * 1000, link(variant) + "=2",
                0);
    }

    private static String link(String variant) {
        return Variant.onlyLink(variant).orElse("i1");
    }

    private static Measurement bulk(String variant, String page, int rep, double megabitsPerSecond, String link) {
        double seconds = 10;
        return new Measurement("bulk-vs-query", variant, "bulk:" + page, (long) (megabitsPerSecond * 1e6 / 8 * seconds),
                rep, seconds * 1000, link + "=1", 0);
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
        assertTrue(md.contains("| news | i2-only | 3 | 17.00 s | 16.50 s | 17.50 s | i2=131 |"), md);
        assertTrue(md.contains("- news: category 64 % faster vs. i1 only, 53 % faster vs. i2 only;"), md);
        assertTrue(md.contains("from 1000 KiB on"), md);
        assertTrue(md.contains("round robin 20 % faster vs. i1' only, 17 % faster vs. i2 only; filesize 35 % faster"),
                md);
        assertTrue(md.contains("1 measurement(s) had failed requests"), md);
        assertTrue(!md.contains("fell back"), md);
        for (String figure : List.of("bulk-vs-query", "filesize-sweep", "offload")) {
            assertTrue(Files.size(dir.resolve(figure + ".png")) > 1000, figure);
            assertTrue(Files.readString(dir.resolve(figure + ".svg")).contains("<svg xmlns="), figure);
        }
    }

    @Test
    void theBulkDownloadsGoodputStandsBesideThePageLoadAndAgainstThePapersClaim(@TempDir Path dir) throws IOException {
        List<Measurement> ms = new ArrayList<>();
        for (int rep = 1; rep <= 3; rep++) {
            ms.add(page("bulk-vs-query", "i1-only", "news", rep, 20));
            ms.add(bulk("i1-only", "news", rep, 2 + rep, "i1"));
            ms.add(page("bulk-vs-query", "i2-only", "news", rep, 15));
            ms.add(bulk("i2-only", "news", rep, 6, "i2"));
            ms.add(page("bulk-vs-query", "category", "news", rep, 7));
            ms.add(bulk("category", "news", rep, 11.5, "i2"));
        }

        String md = Files.readString(new Report(ms, "Test run.").write(dir));

        assertTrue(md.contains("| news | i1-only | 3 | 4.00 Mbit/s | 3.50 Mbit/s | 4.50 Mbit/s | i1 |"), md);
        assertTrue(md.contains("| news | category | 3 | 11.50 Mbit/s |"), md);
        assertTrue(md.contains("without penalizing the bulk download"), md);
        assertTrue(md.contains("- the bulk download while the news page loaded (median goodput): category 11.50"
                + " Mbit/s, i1 only 4.00 Mbit/s, i2 only 6.00 Mbit/s; category 188 % more than i1 only, 92 % more than"
                + " i2 only."), md);
        assertTrue(md.contains("| news | category | 3 | 7.00 s |"), md);
        assertTrue(!md.contains("bulk:news |"), "bulk rows stay out of the page table: " + md);
        assertTrue(Files.readString(dir.resolve("bulk-vs-query.svg")).contains("width='1800.0'"),
                "two charts side by side");
    }

    @Test
    void theEarliestArrivalPolicyStandsBesideThePapersPoliciesWhenItRan(@TempDir Path dir) throws IOException {
        List<Measurement> ms = new ArrayList<>();
        for (int rep = 1; rep <= 3; rep++) {
            ms.add(page("bulk-vs-query", "i1-only", "news", rep, 20));
            ms.add(page("bulk-vs-query", "i2-only", "news", rep, 15));
            ms.add(page("bulk-vs-query", "category", "news", rep, 8));
            ms.add(page("bulk-vs-query", "earliest-arrival", "news", rep, 6));
            ms.add(bulk("category", "news", rep, 11.5, "i2"));
            ms.add(bulk("earliest-arrival", "news", rep, 10, "i2"));
            ms.add(page("offload", "round-robin", "news", rep, 20));
            ms.add(page("offload", "filesize-100k", "news", rep, 10));
            ms.add(page("offload", "earliest-arrival", "news", rep, 12));
        }

        String md = Files.readString(new Report(ms, "Test run.").write(dir));

        assertTrue(md.contains("| news | earliest-arrival | 3 | 6.00 s | 6.00 s | 6.00 s | i1=131 |"), md);
        assertTrue(md.contains("| news | earliest-arrival | 3 | 10.00 Mbit/s |"), md);
        assertTrue(md.contains("vs. i1 only; earliest arrival 25 % faster vs. category, 70 % faster vs. i1 only.\n"),
                md);
        assertTrue(md.contains("i2 only (not measured), earliest arrival 10.00 Mbit/s; category"), md);
        assertTrue(md.contains("vs. round robin; earliest arrival 20 % slower vs. filesize, 40 % faster vs. round"
                + " robin.\n"), md);
    }

    @Test
    void theMptcpPolicyStandsBesideEarliestArrivalWhenBothRan(@TempDir Path dir) throws IOException {
        List<Measurement> ms = new ArrayList<>();
        for (int rep = 1; rep <= 3; rep++) {
            ms.add(page("bulk-vs-query", "i1-only", "news", rep, 20));
            ms.add(page("bulk-vs-query", "category", "news", rep, 8));
            ms.add(page("bulk-vs-query", "earliest-arrival", "news", rep, 6));
            ms.add(page("bulk-vs-query", "mptcp", "news", rep, 10));
            ms.add(bulk("category", "news", rep, 11.5, "i2"));
            ms.add(bulk("mptcp", "news", rep, 16, "i1=1 i2"));
            ms.add(page("offload", "round-robin", "news", rep, 20));
            ms.add(page("offload", "filesize-100k", "news", rep, 10));
            ms.add(page("offload", "mptcp", "news", rep, 9));
        }

        String md = Files.readString(new Report(ms, "Test run.").write(dir));

        assertTrue(md.contains("vs. i1 only; earliest arrival 25 % faster vs. category, 70 % faster vs. i1 only;"
                + " mptcp 25 % slower vs. category, 50 % faster vs. i1 only.\n"), md);
        assertTrue(md.contains("i2 only (not measured), mptcp 16.00 Mbit/s; category"), md);
        assertTrue(md.contains("vs. round robin; mptcp 10 % faster vs. filesize, 55 % faster vs. round robin.\n"), md);
    }

    @Test
    void thePapersPoliciesAloneGetNoEarliestArrivalClause(@TempDir Path dir) throws IOException {
        List<Measurement> ms = List.of(page("bulk-vs-query", "category", "news", 1, 8),
                page("offload", "filesize-100k", "news", 1, 10));

        String md = Files.readString(new Report(ms, "Test run.").write(dir));

        assertTrue(!md.contains("earliest arrival"), md);
        assertTrue(!md.contains("mptcp"), md);
    }

    @Test
    void singleInterfaceRunsWithRequestsOnAnotherLinkAreNamed(@TempDir Path dir) throws IOException {
        List<Measurement> ms = List.of(
                new Measurement("offload", "i2-only", "photo", 2_888_842, 1, 19439, "i1=5 i2=54", 0),
                new Measurement("offload", "i2-only", "news", 2_800_152, 1, 15000, "i2=172", 0),
                new Measurement("offload", "round-robin", "news", 2_800_152, 1, 15000, "i1=86 i2=86", 0));

        String md = Files.readString(new Report(ms, "Test run.").write(dir));

        assertTrue(md.contains("Decisions that fell back to the OS default"), md);
        assertTrue(md.contains("offload i2-only photo run 1: i1=5 i2=54."), md);
        assertTrue(!md.contains("news run 1"), md);
    }
}
