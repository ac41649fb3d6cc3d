package org.socketintents.stats.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

import org.socketintents.api.net.InterfacePrefix;
import org.socketintents.api.stats.EffectiveFigures;
import org.socketintents.api.stats.Figure;
import org.socketintents.api.stats.FigureSource;
import org.socketintents.api.stats.InterfaceFigures;
import org.socketintents.api.stats.StatisticsSnapshot;
import org.socketintents.api.stats.Throughput;
import org.socketintents.api.stats.TrafficFigures;

/** Renders snapshots for the console: a compact table of all interfaces, and every figure of one. */
final class StatsTable {

    static final String LEGEND = "RTT in ms, rates in bit/s; ~ stale, - unavailable";

    private static final String NAME = "%-22s";
    private static final String CELL = " %8s";

    private StatsTable() {
    }

    /**
     * @param snapshot the figures
     * @return one line per interface and one per prefix beneath it, with RTTs, rates and their peaks, connections
     */
    static String compact(StatisticsSnapshot snapshot) {
        if (snapshot.interfaces().isEmpty()) {
            return "no statistics yet (is the interface monitor running?)";
        }
        StringBuilder out = new StringBuilder(header(snapshot));
        for (InterfaceFigures figures : snapshot.interfaces()) {
            out.append(row(figures.name(), figures.traffic()));
            for (Map.Entry<InterfacePrefix, TrafficFigures> prefix : figures.prefixes().entrySet()) {
                out.append(row("  " + prefix.getKey(), prefix.getValue()));
            }
        }
        return out.append(LEGEND).toString();
    }

    /**
     * @param figures   the measured figures of one interface
     * @param effective the figures policies use for it
     * @return every figure with its source and age, per interface and prefix, then the effective ones
     */
    static String detail(InterfaceFigures figures, EffectiveFigures effective) {
        StringBuilder out = new StringBuilder(figures.name()).append('\n');
        appendNamed(out, "  ", figures.traffic().named());
        figures.prefixes().forEach((prefix, traffic) -> {
            out.append("  ").append(prefix).append('\n');
            appendNamed(out, "    ", traffic.named());
        });
        out.append("effective (what policies use)\n");
        appendNamed(out, "  ", effective.named());
        return out.toString().stripTrailing();
    }

    private static String header(StatisticsSnapshot snapshot) {
        StringBuilder line = new StringBuilder(String.format(NAME, "interface/prefix"));
        for (String title : new String[] {"srtt", "min rtt", "rtt var", "down"}) {
            line.append(String.format(CELL, title));
        }
        appendPeakTitles(line, snapshot, "down");
        line.append(String.format(CELL, "up"));
        appendPeakTitles(line, snapshot, "up");
        for (String title : new String[] {"conns", "active", "retx/s"}) {
            line.append(String.format(CELL, title));
        }
        return line.append('\n').toString();
    }

    private static void appendPeakTitles(StringBuilder line, StatisticsSnapshot snapshot, String direction) {
        for (Duration window : snapshot.windows()) {
            line.append(String.format(CELL, direction + "^" + Throughput.label(window)));
        }
    }

    private static String row(String name, TrafficFigures t) {
        StringBuilder line = new StringBuilder(String.format(NAME, name));
        cell(line, t.srttMillis(), StatsTable::millis);
        cell(line, t.minRttMillis(), StatsTable::millis);
        cell(line, t.rttVarMillis(), StatsTable::millis);
        throughput(line, t.download());
        throughput(line, t.upload());
        cell(line, t.connections(), StatsTable::count);
        cell(line, t.activeConnections(), StatsTable::count);
        cell(line, t.retransmitsPerSecond(), value -> String.format(Locale.ROOT, "%.1f", value));
        return line.append('\n').toString();
    }

    private static void throughput(StringBuilder line, Throughput throughput) {
        cell(line, throughput.rate(), StatsTable::rate);
        throughput.peaks().values().forEach(peak -> cell(line, peak, StatsTable::rate));
    }

    private static void cell(StringBuilder line, Figure figure, DoubleFunction<String> format) {
        String text = figure.isAvailable()
                ? format.apply(figure.value()) + (figure.source() == FigureSource.STALE ? "~" : "")
                : "-";
        line.append(String.format(CELL, text));
    }

    private static void appendNamed(StringBuilder out, String indent, Map<String, Figure> named) {
        named.forEach((name, figure) -> out.append(indent).append(String.format("%-22s %s%n", name, figure)));
    }

    static String millis(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    static String count(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }

    /** @return the rate with a k, M or G suffix (powers of 1000), as interface configurations write rates */
    static String rate(double bitsPerSecond) {
        if (bitsPerSecond >= 1e9) {
            return String.format(Locale.ROOT, "%.2fG", bitsPerSecond / 1e9);
        }
        if (bitsPerSecond >= 1e6) {
            return String.format(Locale.ROOT, "%.2fM", bitsPerSecond / 1e6);
        }
        if (bitsPerSecond >= 1e3) {
            return String.format(Locale.ROOT, "%.1fk", bitsPerSecond / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", bitsPerSecond);
    }
}
