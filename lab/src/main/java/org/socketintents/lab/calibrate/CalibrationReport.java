package org.socketintents.lab.calibrate;

import java.util.List;
import java.util.Locale;

import org.socketintents.lab.topology.Direction;

/** The figures of one calibration run, and whether each passed. */
public record CalibrationReport(String method, List<RttFigure> rtts, List<GoodputFigure> goodputs) {

    /** Round trips started from one side of a link. */
    public record RttFigure(String link, String from, double configuredMillis, Summary measured, boolean ok) {
    }

    /** Goodput of one direction of a link. */
    public record GoodputFigure(String link, Direction direction, long configuredBitsPerSecond,
            double measuredBitsPerSecond, boolean ok) {

        public double fraction() {
            return measuredBitsPerSecond / configuredBitsPerSecond;
        }
    }

    public CalibrationReport {
        rtts = List.copyOf(rtts);
        goodputs = List.copyOf(goodputs);
    }

    public boolean passed() {
        return rtts.stream().allMatch(RttFigure::ok) && goodputs.stream().allMatch(GoodputFigure::ok);
    }

    /** Markdown tables, as in the lab README. */
    public String table() {
        StringBuilder out = new StringBuilder();
        out.append("| link | probe from | RTT configured | mean | p99 | min | max | n | ok |\n");
        out.append("|---|---|---|---|---|---|---|---|---|\n");
        for (RttFigure r : rtts) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %.2f ms | %.3f ms | %.3f ms | %.3f ms | %.3f ms | %d | %s |%n",
                    r.link(), r.from(), r.configuredMillis(), r.measured().mean(), r.measured().p99(),
                    r.measured().min(), r.measured().max(), r.measured().count(), r.ok() ? "yes" : "NO"));
        }
        out.append("\n| link | direction | rate configured | goodput | % of configured | ok |\n");
        out.append("|---|---|---|---|---|---|\n");
        for (GoodputFigure g : goodputs) {
            out.append(String.format(Locale.ROOT, "| %s | %s | %.3f Mbit/s | %.3f Mbit/s | %.1f %% | %s |%n",
                    g.link(), g.direction().label(), g.configuredBitsPerSecond() / 1e6,
                    g.measuredBitsPerSecond() / 1e6, 100 * g.fraction(), g.ok() ? "yes" : "NO"));
        }
        return out.toString();
    }
}
