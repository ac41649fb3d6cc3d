package org.socketintents.benchmarks.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The report as text tables for a terminal. */
final class ReportTable {

    private static final String[] HEADER = {"what", "setting", "heap", "clients", "procs", "runs", "requests/run",
        "per s", "p50 us", "p99 us", "p99.9 us", "max us", "vs floor", "load 1m", "others' CPU"};

    private ReportTable() {
    }

    static String render(Report report, List<Targets.Verdict> verdicts) {
        StringBuilder out = new StringBuilder();
        Machine m = report.machine();
        out.append("Socket Intents load tool, ").append(report.mode()).append(" run, ").append(report.started())
                .append('\n');
        out.append("Machine: ").append(m.cpu()).append(", ").append(m.cores()).append(" cores, ")
                .append(m.memoryMb()).append(" MB, ").append(m.kernel()).append(", ").append(m.jdk()).append('\n');
        if (report.requestFrameBytes() > 0) {
            out.append("Wire: request ").append(report.requestFrameBytes()).append(" bytes, reply ")
                    .append(report.replyFrameBytes()).append(" bytes; decision: ").append(report.sampleDecision())
                    .append('\n');
        }
        out.append('\n').append(figures(report));
        out.append("\"vs floor\": median / the floor's median for one-at-a-time rows; throughput / the floor's"
                + " throughput for concurrent rows.\n\"load 1m\": before each run, the tool's own earlier threads"
                + " included; \"others' CPU\": the share of the machine other processes used during each run.\n");
        if (!report.heaps().isEmpty()) {
            out.append('\n').append(startupAndMemory(report));
        }
        out.append('\n').append(targets(verdicts));
        for (String note : report.notes()) {
            out.append("Note: ").append(note).append('\n');
        }
        return out.toString();
    }

    private static String figures(Report report) {
        List<String[]> lines = new ArrayList<>();
        lines.add(HEADER);
        for (Row row : report.rows()) {
            LatencySummary l = row.latency();
            String ratio = report.floorRatio(row)
                    .map(r -> String.format(Locale.ROOT, "%.2fx", r) + (row.kind().comparesThroughput() ? " /s" : " p50"))
                    .orElse("");
            lines.add(new String[] {row.kind().subject(), row.kind().setting(), row.heap(),
                Integer.toString(row.clients()), Integer.toString(row.processes()), Integer.toString(row.runs()),
                String.format(Locale.ROOT, "%,d", row.requests()), Targets.format(row.throughput()),
                Targets.format(l.p50Us()), Targets.format(l.p99Us()), Targets.format(l.p999Us()),
                Targets.format(l.maxUs()), ratio,
                row.loadAverages().stream().map(a -> a.split(" ")[0]).collect(Collectors.joining("/")),
                row.othersCpu().stream().map(ReportTable::percent).collect(Collectors.joining("/"))});
        }
        return table(lines);
    }

    private static String startupAndMemory(Report report) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"heap", "start-up median ms", "launches ms", "RSS idle MB", "RSS under load MB"});
        for (String heap : report.heaps()) {
            List<Double> millis = report.startupMillis().get(heap);
            Long idle = report.idleRssKb().get(heap);
            Long load = report.loadRssKb().get(heap);
            lines.add(new String[] {heap,
                millis == null ? "-" : Targets.format(Statistics.median(millis.stream().mapToDouble(d -> d).toArray())),
                millis == null ? "-" : millis.stream().map(Targets::format).collect(Collectors.joining(" ")),
                idle == null ? "-" : Targets.format(idle / 1024.0),
                load == null ? "-" : Targets.format(load / 1024.0)});
        }
        return table(lines);
    }

    private static String targets(List<Targets.Verdict> verdicts) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"target", "bound", "measured", "verdict"});
        for (Targets.Verdict v : verdicts) {
            lines.add(new String[] {v.name(), v.bound(), v.measured(),
                v.met().map(met -> met ? "met" : "MISSED").orElse("-")});
        }
        return table(lines);
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "?" : String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }

    /** Left-aligns the first column of each line, right-aligns the others. */
    static String table(List<String[]> lines) {
        int columns = lines.get(0).length;
        int[] widths = new int[columns];
        for (String[] line : lines) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String cell = line[c];
                String pad = " ".repeat(widths[c] - cell.length());
                text.append(c == 0 ? cell + pad : "  " + pad + cell);
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }
}
