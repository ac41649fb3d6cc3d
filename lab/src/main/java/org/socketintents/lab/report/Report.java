package org.socketintents.lab.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jfree.chart.JFreeChart;

import org.socketintents.lab.scenario.BulkVersusQuery;
import org.socketintents.lab.scenario.FileSizeSweep;
import org.socketintents.lab.scenario.Measurement;
import org.socketintents.lab.scenario.OffloadByFileSize;
import org.socketintents.lab.scenario.Variant;

/**
 * report.md and the figures of a results directory: per scenario a plot like the paper's figure, a table of
 * medians and quartiles, and our ratios set beside the paper's statements.
 */
public final class Report {

    /** Policies the paper did not have: each gets clauses beside the paper's comparisons when it ran. */
    private static final List<String> BEYOND_PAPER = List.of(Variant.earliestArrival().label(),
            Variant.mptcp("1M").label());

    private final List<Measurement> measurements;
    private final String heading;

    public Report(List<Measurement> measurements, String heading) {
        this.measurements = List.copyOf(measurements);
        this.heading = heading;
    }

    /** Writes the figures (PNG, SVG) and report.md into {@code dir}; returns the report's path. */
    public Path write(Path dir) throws IOException {
        StringBuilder md = new StringBuilder("# Socket Intents lab: results\n\n").append(heading).append("\n\n");
        List<Measurement> s1 = of(BulkVersusQuery.NAME);
        if (!s1.isEmpty()) {
            List<Measurement> pages = s1.stream().filter(m -> !BulkVersusQuery.isBulk(m)).toList();
            List<Measurement> bulk = s1.stream().filter(BulkVersusQuery::isBulk).toList();
            List<JFreeChart> charts = new ArrayList<>(List.of(
                    Charts.pageLoadBoxPlot("Page load time next to a bulk download (cf. Figure 5)", pages)));
            if (!bulk.isEmpty()) {
                charts.add(Charts.bulkThroughputBoxPlot("The bulk download meanwhile", bulk));
            }
            Charts.saveSideBySide(charts, dir.resolve(BulkVersusQuery.NAME));
            md.append("## Scenario 1: bulk transfer vs. query (Figure 5)\n\n")
                    .append(figure(BulkVersusQuery.NAME)).append(pageTable(pages)).append('\n')
                    .append(bulk.isEmpty() ? "" : bulkTable(bulk) + "\n")
                    .append(scenarioOneComparison(pages, bulk)).append('\n');
        }
        List<Measurement> sweep = of(FileSizeSweep.NAME);
        if (!sweep.isEmpty()) {
            Charts.save(Charts.completionBySize("Completion time by object size (cf. Figure 7)", sweep),
                    dir.resolve(FileSizeSweep.NAME));
            md.append("## Scenario 2: completion time by object size (Figure 7)\n\n")
                    .append(figure(FileSizeSweep.NAME)).append(sweepTable(sweep)).append('\n')
                    .append(sweepComparison(sweep)).append('\n');
        }
        List<Measurement> offload = of(OffloadByFileSize.NAME);
        if (!offload.isEmpty()) {
            Charts.save(Charts.pageLoadBoxPlot("Both pages at once over i1' and i2 (cf. Figure 6)", offload),
                    dir.resolve(OffloadByFileSize.NAME));
            md.append("## Scenario 2: offload by file size (Figure 6)\n\n")
                    .append(figure(OffloadByFileSize.NAME)).append(pageTable(offload)).append('\n')
                    .append(offloadComparison(offload)).append('\n');
        }
        md.append(fallbacks());
        long failed = measurements.stream().filter(m -> !m.valid()).count();
        md.append(failed == 0 ? "All measurements are complete.\n"
                : failed + " measurement(s) had failed requests and are left out of figures and tables.\n");
        Path report = dir.resolve("report.md");
        Files.writeString(report, md);
        return report;
    }

    private List<Measurement> of(String scenario) {
        return measurements.stream().filter(m -> m.scenario().equals(scenario)).toList();
    }

    private static String figure(String name) {
        return "![" + name + "](" + name + ".svg)\n\n";
    }

    private static String pageTable(List<Measurement> ms) {
        StringBuilder t = new StringBuilder("| page | variant | n | median | Q1 | Q3 | requests per link (first run) |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (String page : ordered(ms, Measurement::subject)) {
            for (String variant : ordered(ms, Measurement::variant)) {
                List<Measurement> cell = ms.stream().filter(m -> m.valid() && m.subject().equals(page)
                        && m.variant().equals(variant)).toList();
                if (!cell.isEmpty()) {
                    Quartiles q = Quartiles.of(cell.stream().map(m -> m.millis() / 1000).toList());
                    t.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f s | %.2f s | %.2f s | %s |%n", page,
                            variant, q.count(), q.median(), q.q1(), q.q3(), cell.get(0).requestsByLink()));
                }
            }
        }
        return t.toString();
    }

    private static String sweepTable(List<Measurement> ms) {
        List<String> variants = ordered(ms, Measurement::variant);
        StringBuilder t = new StringBuilder("| size |");
        variants.forEach(v -> t.append(' ').append(v).append(" |"));
        t.append("\n|---|").append("---|".repeat(variants.size())).append('\n');
        for (long size : new TreeSet<>(ms.stream().map(Measurement::bytes).toList())) {
            t.append(String.format(Locale.ROOT, "| %d KiB |", size / 1024));
            for (String variant : variants) {
                OptionalDouble median = median(ms, variant, m -> m.bytes() == size, Report::seconds);
                t.append(median.isPresent() ? String.format(Locale.ROOT, " %.2f s |", median.getAsDouble()) : " - |");
            }
            t.append('\n');
        }
        return t.toString();
    }

    private static String bulkTable(List<Measurement> ms) {
        StringBuilder t = new StringBuilder("| bulk download beside | variant | n | median | Q1 | Q3 | link |\n"
                + "|---|---|---|---|---|---|---|\n");
        for (String subject : ordered(ms, Measurement::subject)) {
            for (String variant : ordered(ms, Measurement::variant)) {
                List<Measurement> cell = ms.stream().filter(m -> m.valid() && m.subject().equals(subject)
                        && m.variant().equals(variant)).toList();
                if (!cell.isEmpty()) {
                    Quartiles q = Quartiles.of(cell.stream().map(Measurement::megabitsPerSecond).toList());
                    t.append(String.format(Locale.ROOT,
                            "| %s | %s | %d | %.2f Mbit/s | %.2f Mbit/s | %.2f Mbit/s | %s |%n",
                            BulkVersusQuery.pageBeside(subject), variant, q.count(), q.median(), q.q1(), q.q3(),
                            cell.get(0).requestsByLink().replace("=1", "")));
                }
            }
        }
        return t.toString();
    }

    private static String scenarioOneComparison(List<Measurement> pages, List<Measurement> bulk) {
        StringBuilder out = new StringBuilder("Paper: with the category policy the page loads over i1 while the bulk"
                + " download takes i2, which \"improves the page download performance by more than a factor of 60%"
                + " without penalizing the bulk download\"; i2 alone beats i1 alone; the photo page loads faster than"
                + " the news page.\n\nHere:\n\n");
        for (String page : ordered(pages, Measurement::subject)) {
            out.append("- ").append(page).append(": category ")
                    .append(change(pages, page, "category", "i1-only")).append(" vs. i1 only, ")
                    .append(change(pages, page, "category", "i2-only")).append(" vs. i2 only; i2 only ")
                    .append(change(pages, page, "i2-only", "i1-only")).append(" vs. i1 only")
                    .append(beyondPaper(pages, page, "category", "category", "i1-only", "i1 only"))
                    .append(".\n");
        }
        for (String subject : ordered(bulk, Measurement::subject)) {
            out.append("- the bulk download while the ").append(BulkVersusQuery.pageBeside(subject))
                    .append(" page loaded (median goodput): category ").append(rate(bulk, subject, "category"))
                    .append(", i1 only ").append(rate(bulk, subject, "i1-only"))
                    .append(", i2 only ").append(rate(bulk, subject, "i2-only"))
                    .append(BEYOND_PAPER.stream().filter(v -> ran(bulk, v))
                            .map(v -> ", " + spoken(v) + " " + rate(bulk, subject, v)).collect(Collectors.joining()))
                    .append("; category ")
                    .append(rateChange(bulk, subject, "category", "i1-only")).append(" than i1 only, ")
                    .append(rateChange(bulk, subject, "category", "i2-only")).append(" than i2 only.\n");
        }
        return out.toString();
    }

    private static String sweepComparison(List<Measurement> ms) {
        TreeSet<Long> sizes = new TreeSet<>(ms.stream().map(Measurement::bytes).toList());
        Long crossover = null;
        for (long size : sizes.descendingSet()) {
            OptionalDouble i1 = median(ms, "i1-only", m -> m.bytes() == size, Report::seconds);
            OptionalDouble i2 = median(ms, "i2-only", m -> m.bytes() == size, Report::seconds);
            if (i1.isEmpty() || i2.isEmpty() || i2.getAsDouble() >= i1.getAsDouble()) {
                break;
            }
            crossover = size;
        }
        return "Paper: i2 (12 Mbit/s, 70 ms) finishes sooner than i1 (6 Mbit/s, 10 ms) from 1400 KB on; the filesize"
                + " policy with that threshold always picks the better interface, and the 15 KB probe of the"
                + " two-phase download costs little.\n\nHere: i2 only is faster than i1 only for every size from "
                + (crossover == null ? "none of the sizes measured" : crossover / 1024 + " KiB") + " on.\n";
    }

    private static String offloadComparison(List<Measurement> ms) {
        return "Paper (news page): round robin is 20 % faster than i1' only and 18 % faster than i2 only; the filesize"
                + " policy (threshold 100 KB) is 35 % faster than round robin (round robin takes 1.5 times as long);"
                + " for the photo page the advantages are smaller.\n\nHere:\n\n"
                + ordered(ms, Measurement::subject).stream().map(page -> "- " + page + ": round robin "
                        + change(ms, page, "round-robin", "i1-only") + " vs. i1' only, "
                        + change(ms, page, "round-robin", "i2-only") + " vs. i2 only; filesize "
                        + change(ms, page, "filesize-100k", "round-robin") + " vs. round robin"
                        + beyondPaper(ms, page, "filesize-100k", "filesize", "round-robin", "round robin")
                        + ".\n")
                        .reduce("", String::concat);
    }

    /**
     * "; earliest arrival 5 % faster vs. category, 60 % faster vs. i1 only; mptcp ...": each policy beyond the paper
     * that ran, against the paper's policy and a baseline.
     */
    private static String beyondPaper(List<Measurement> ms, String subject, String policy, String policyName,
            String baseline, String baselineName) {
        return BEYOND_PAPER.stream().filter(v -> ran(ms, v))
                .map(v -> "; " + spoken(v) + " " + change(ms, subject, v, policy) + " vs. " + policyName + ", "
                        + change(ms, subject, v, baseline) + " vs. " + baselineName)
                .collect(Collectors.joining());
    }

    /** A variant label as the text names it: "earliest arrival". */
    private static String spoken(String variant) {
        return variant.replace('-', ' ');
    }

    /** Whether {@code variant} is among the measurements: policies the paper did not have get a clause when run. */
    private static boolean ran(List<Measurement> ms, String variant) {
        return ms.stream().anyMatch(m -> m.variant().equals(variant));
    }

    /** "35 % faster" or "12 % slower": the median time of {@code variant} against that of {@code baseline}. */
    private static String change(List<Measurement> ms, String subject, String variant, String baseline) {
        OptionalDouble ours = median(ms, variant, subject, Report::seconds);
        OptionalDouble theirs = median(ms, baseline, subject, Report::seconds);
        if (ours.isEmpty() || theirs.isEmpty()) {
            return "(not measured)";
        }
        double saving = 1 - ours.getAsDouble() / theirs.getAsDouble();
        return String.format(Locale.ROOT, "%.0f %% %s", Math.abs(saving) * 100, saving >= 0 ? "faster" : "slower");
    }

    private static String rate(List<Measurement> ms, String subject, String variant) {
        OptionalDouble median = median(ms, variant, subject, Measurement::megabitsPerSecond);
        return median.isEmpty() ? "(not measured)"
                : String.format(Locale.ROOT, "%.2f Mbit/s", median.getAsDouble());
    }

    /** "35 % more" or "12 % less": the median goodput of {@code variant} against that of {@code baseline}. */
    private static String rateChange(List<Measurement> ms, String subject, String variant, String baseline) {
        OptionalDouble ours = median(ms, variant, subject, Measurement::megabitsPerSecond);
        OptionalDouble theirs = median(ms, baseline, subject, Measurement::megabitsPerSecond);
        if (ours.isEmpty() || theirs.isEmpty()) {
            return "(not measured)";
        }
        double gain = ours.getAsDouble() / theirs.getAsDouble() - 1;
        return String.format(Locale.ROOT, "%.0f %% %s", Math.abs(gain) * 100, gain >= 0 ? "more" : "less");
    }

    /**
     * Runs of a single-interface variant with requests on another link: the MAM's decision fell back to the OS
     * default (which takes the first link), so those runs measured a mix of variants.
     */
    private String fallbacks() {
        List<String> mixed = new ArrayList<>();
        for (Measurement m : measurements) {
            Optional<String> link = Variant.onlyLink(m.variant());
            if (link.isPresent() && !m.requestsByLink().isEmpty()
                    && !m.requestsByLink().matches(Pattern.quote(link.get()) + "=\\d+")) {
                mixed.add(String.format(Locale.ROOT, "%s %s %s run %d: %s", m.scenario(), m.variant(), m.subject(),
                        m.repetition(), m.requestsByLink()));
            }
        }
        return mixed.isEmpty() ? "" : "Decisions that fell back to the OS default (requests of a single-interface"
                + " variant on another link; see the variant's mam.log): " + String.join("; ", mixed) + ".\n\n";
    }

    private static double seconds(Measurement m) {
        return m.millis() / 1000;
    }

    private static OptionalDouble median(List<Measurement> ms, String variant, String subject,
            ToDoubleFunction<Measurement> value) {
        return median(ms, variant, m -> m.subject().equals(subject), value);
    }

    private static OptionalDouble median(List<Measurement> ms, String variant, Predicate<Measurement> filter,
            ToDoubleFunction<Measurement> value) {
        List<Double> values = ms.stream().filter(m -> m.valid() && m.variant().equals(variant) && filter.test(m))
                .map(value::applyAsDouble).toList();
        return values.isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(Quartiles.of(values).median());
    }

    private static List<String> ordered(List<Measurement> ms, Function<Measurement, String> key) {
        Set<String> seen = new LinkedHashSet<>();
        ms.forEach(m -> seen.add(key.apply(m)));
        return new ArrayList<>(seen);
    }
}
