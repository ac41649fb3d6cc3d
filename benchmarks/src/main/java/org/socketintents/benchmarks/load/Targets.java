package org.socketintents.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The targets, checked against a report. Informative only: the tool never fails on them. */
final class Targets {

    static final long LATENCY_TARGET_REQUESTS = 1_000_000;
    static final int THROUGHPUT_TARGET_CLIENTS = 16;
    private static final String SMALL_HEAP = "-Xmx32m";
    private static final String GATEWAY = "-Xmx32m gateway";

    /**
     * @param name     the target
     * @param bound    the target's bound, as the issue states it
     * @param measured the figure it is checked against, "not measured" if none
     * @param met      whether it is met; empty when not measured
     */
    record Verdict(String name, String bound, String measured, Optional<Boolean> met) {
    }

    private Targets() {
    }

    static List<Verdict> evaluate(Report report) {
        List<Verdict> verdicts = new ArrayList<>();
        Optional<Row> latency = report.rows().stream()
                .filter(r -> r.kind() == Kind.DECISION_LATENCY && r.heap().equals(Heap.DEFAULT.label())).findFirst();
        String over = latency.map(r -> r.requests() >= LATENCY_TARGET_REQUESTS ? ""
                : String.format(Locale.ROOT, " (over %,d requests, not 1,000,000)", r.requests())).orElse("");
        verdicts.add(upTo("decision round trip p50", "<= 25 us", latency.map(r -> r.latency().p50Us()), 25, " us" + over));
        verdicts.add(upTo("decision round trip p99", "<= 150 us", latency.map(r -> r.latency().p99Us()), 150, " us" + over));
        verdicts.add(upTo("decision round trip max", "<= 5 ms", latency.map(r -> r.latency().maxUs() / 1000), 5,
                " ms" + over));
        Optional<Row> sixteen = report.row(Kind.DECISION_THROUGHPUT, Heap.DEFAULT.label(), THROUGHPUT_TARGET_CLIENTS);
        verdicts.add(atLeast("decisions/s with 16 clients", ">= 50,000", sixteen.map(Row::throughput), 50_000, "/s"));
        Optional<Row> intent = report.row(Kind.INTENT_CONNECT, Heap.DEFAULT.label(), 1);
        Optional<Double> ratio = intent.flatMap(i -> report.floorOf(i)
                .map(plain -> i.latency().p50Us() / plain.latency().p50Us()));
        verdicts.add(upTo("intent-aware / plain connect, p50", "<= 2.0 x", ratio, 2, " x"));
        for (String heap : report.startupMillis().keySet()) {
            double[] millis = report.startupMillis().get(heap).stream().mapToDouble(Double::doubleValue).toArray();
            verdicts.add(upTo("start-up to first decision (" + heap + " heap), median", "<= 1.5 s",
                    Optional.of(Statistics.median(millis) / 1000), 1.5, " s"));
        }
        verdicts.add(upTo("resident memory under load, -Xmx32m, JVM defaults", "<= 64 MB",
                loadRssMb(report, SMALL_HEAP), 64, " MB"));
        verdicts.add(upTo("resident memory under load, -Xmx32m, gateway profile", "<= 64 MB",
                loadRssMb(report, GATEWAY), 64, " MB"));
        return verdicts;
    }

    private static Optional<Double> loadRssMb(Report report, String heap) {
        return Optional.ofNullable(report.loadRssKb().get(heap)).map(kb -> kb / 1024.0);
    }

    private static Verdict upTo(String name, String bound, Optional<Double> value, double limit, String unit) {
        return new Verdict(name, bound, value.map(v -> format(v) + unit).orElse("not measured"),
                value.map(v -> v <= limit));
    }

    private static Verdict atLeast(String name, String bound, Optional<Double> value, double limit, String unit) {
        return new Verdict(name, bound, value.map(v -> format(v) + unit).orElse("not measured"),
                value.map(v -> v >= limit));
    }

    static String format(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (Math.abs(value) >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, Math.abs(value) >= 100 ? "%.0f" : Math.abs(value) >= 10 ? "%.1f" : "%.2f",
                value);
    }
}
