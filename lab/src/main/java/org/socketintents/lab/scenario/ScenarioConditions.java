package org.socketintents.lab.scenario;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the report says about how one scenario ran, collected from the jobs of every lab as they end: the labs, the
 * TCP congestion control their connections ran, the time from the first job's start to the last one's end, the lab
 * time spent, and per MPTCP variant how many repetitions did run MPTCP over both links. Thread-safe.
 */
final class ScenarioConditions {

    private final Scenario scenario;
    private final TreeSet<String> labs = new TreeSet<>();
    private final TreeSet<String> congestionControl = new TreeSet<>();
    private final Map<String, int[]> multipath = new LinkedHashMap<>();
    private long firstStart = Long.MAX_VALUE;
    private long lastEnd = Long.MIN_VALUE;
    private long labNanos;

    ScenarioConditions(Scenario scenario) {
        this.scenario = scenario;
    }

    synchronized void jobRan(String lab, String tcp, long startNanos, long endNanos) {
        labs.add(lab);
        congestionControl.add(tcp);
        firstStart = Math.min(firstStart, startNanos);
        lastEnd = Math.max(lastEnd, endNanos);
        labNanos += endNanos - startNanos;
    }

    synchronized void checked(Variant variant, MptcpCheck check) {
        int[] counts = multipath.computeIfAbsent(variant.label(), v -> new int[2]);
        counts[0] += check.passed() ? 1 : 0;
        counts[1]++;
    }

    synchronized boolean ran() {
        return !labs.isEmpty();
    }

    @Override
    public synchronized String toString() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "%s: lab %s, TCP congestion control %s; %.1f min on %d lab(s) side by side (%s), %.1f lab-minutes.",
                scenario.title(), scenario.description(), String.join(" / ", congestionControl),
                (lastEnd - firstStart) / 60e9, labs.size(), String.join(", ", labs), labNanos / 60e9));
        multipath.forEach((variant, counts) -> line.append(String.format(Locale.ROOT,
                " Variant %s: %d of %d repetitions ran MPTCP with a subflow on each link (client's MPTCP counters)%s.",
                variant, counts[0], counts[1],
                counts[0] < counts[1] ? "; the others counted as failed measurements" : "")));
        return line.toString();
    }
}
