package org.socketintents.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

class TargetsTest {

    private static final Machine MACHINE = new Machine("test CPU", 2, 1024, "Linux test", "JDK test");

    private static Row row(Kind kind, String heap, int clients, long requests, double perSecond, double p50) {
        return new Row(kind, heap, clients, 1, 1, requests, perSecond,
                new LatencySummary(requests, p50, p50 * 4, p50 * 8, p50 * 100, p50), List.of("0.10 0.20 0.30"),
                List.of(0.05));
    }

    private static Report measured() {
        Report report = new Report(MACHINE, "full");
        report.add(row(Kind.DECISION_LATENCY, "default", 1, 1_000_000, 30_000, 20));
        report.add(row(Kind.ECHO_THROUGHPUT, "-", 16, 500_000, 100_000, 10));
        report.add(row(Kind.DECISION_THROUGHPUT, "default", 16, 400_000, 40_000, 300));
        report.add(row(Kind.PLAIN_CONNECT, "default", 1, 50_000, Double.NaN, 20));
        report.add(row(Kind.INTENT_CONNECT, "default", 1, 50_000, Double.NaN, 50));
        report.addStartup(Heap.DEFAULT, Duration.ofMillis(1200));
        report.addStartup(Heap.DEFAULT, Duration.ofMillis(1400));
        report.addStartup(Heap.DEFAULT, Duration.ofMillis(3000));
        report.idleRss("-Xmx32m", 50_000);
        report.loadRss("-Xmx32m", 70_000);
        report.loadRss("-Xmx32m gateway", 60_000);
        return report;
    }

    private static Map<String, Optional<Boolean>> verdicts(Report report) {
        return Targets.evaluate(report).stream()
                .collect(Collectors.toMap(Targets.Verdict::name, Targets.Verdict::met));
    }

    @Test
    void eachTargetIsCheckedAgainstItsFigure() {
        Map<String, Optional<Boolean>> met = verdicts(measured());

        assertEquals(Optional.of(true), met.get("decision round trip p50"));
        assertEquals(Optional.of(true), met.get("decision round trip p99"));
        assertEquals(Optional.of(true), met.get("decision round trip max"));
        assertEquals(Optional.of(false), met.get("decisions/s with 16 clients"));
        assertEquals(Optional.of(false), met.get("intent-aware / plain connect, p50"));
        assertEquals(Optional.of(true), met.get("start-up to first decision (default heap), median"));
        assertEquals(Optional.of(false), met.get("resident memory under load, -Xmx32m, JVM defaults"));
        assertEquals(Optional.of(true), met.get("resident memory under load, -Xmx32m, gateway profile"));
    }

    @Test
    void whatWasNotMeasuredHasNoVerdict() {
        Map<String, Optional<Boolean>> met = verdicts(new Report(MACHINE, "smoke"));

        assertEquals(Optional.empty(), met.get("decision round trip p50"));
        assertEquals(Optional.empty(), met.get("resident memory under load, -Xmx32m, JVM defaults"));
    }

    @Test
    void rowsCompareWithTheirFloor() {
        Report report = measured();
        Row throughput = report.row(Kind.DECISION_THROUGHPUT, "default", 16).orElseThrow();
        Row intent = report.row(Kind.INTENT_CONNECT, "default", 1).orElseThrow();

        assertEquals(Optional.of(0.4), report.floorRatio(throughput));
        assertEquals(Optional.of(2.5), report.floorRatio(intent));
        assertEquals(Optional.empty(), report.floorRatio(report.row(Kind.DECISION_LATENCY, "default", 1).orElseThrow()));
    }

    @Test
    void theTableShowsEveryRowAndVerdict() {
        Report report = measured();
        String table = ReportTable.render(report, Targets.evaluate(report));

        assertTrue(table.contains("Machine: test CPU, 2 cores"));
        assertTrue(table.contains("2.50x p50"));
        assertTrue(table.contains("0.40x /s"));
        assertTrue(table.contains("MISSED"));
        assertEquals(5, table.lines().filter(l -> l.contains("0.10")).count());
    }

    @Test
    void tableColumnsAlign() {
        String table = ReportTable.table(List.of(new String[] {"a", "bb"}, new String[] {"ccc", "d"}));

        assertEquals("a    bb\nccc   d\n", table);
    }
}
