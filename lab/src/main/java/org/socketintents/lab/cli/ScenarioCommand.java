package org.socketintents.lab.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.socketintents.lab.report.Report;
import org.socketintents.lab.scenario.Measurement;
import org.socketintents.lab.scenario.RunProfile;
import org.socketintents.lab.scenario.Scenario;
import org.socketintents.lab.scenario.ScenarioRunner;
import org.socketintents.lab.scenario.Tools;

/**
 * "lab scenario", "lab smoke", "lab reproduce": run the paper's scenarios with siget and the MAM, then write
 * measurements.csv, the figures and report.md into a fresh results directory.
 */
final class ScenarioCommand implements Command {

    private static final String REPS = "--reps";
    private static final String RESULTS = "--results";
    private static final String CORPUS = "--corpus";
    private static final String SEED = "--seed";
    private static final String SMOKE = "--smoke";

    private final String name;
    private final RunProfile fixedProfile;
    private final String purpose;

    private ScenarioCommand(String name, RunProfile fixedProfile, String purpose) {
        this.name = name;
        this.fixedProfile = fixedProfile;
        this.purpose = purpose;
    }

    static ScenarioCommand scenario() {
        return new ScenarioCommand("scenario", null, "run scenarios (bulk-vs-query, filesize-sweep, offload, all)");
    }

    static ScenarioCommand smoke() {
        return new ScenarioCommand("smoke", RunProfile.SMOKE, "one repetition of every scenario, short corpus");
    }

    static ScenarioCommand reproduce() {
        return new ScenarioCommand("reproduce", RunProfile.FULL, "every scenario, full repetitions (40 min)");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String usage() {
        return name + (fixedProfile == null ? " [NAME...] [--smoke] [--reps N]" : "")
                + " [--results DIR] [--corpus DIR] [--seed 1]   " + purpose;
    }

    @Override
    public int run(List<String> args) throws Exception {
        Set<String> values = fixedProfile == null ? Set.of(REPS, RESULTS, CORPUS, SEED) : Set.of(RESULTS, CORPUS, SEED);
        Set<String> flags = fixedProfile == null ? Set.of(SMOKE) : Set.of();
        Options options = Options.parse(args, values, flags);
        if (fixedProfile != null) {
            options.atMostPositionals(0);
        }
        List<Scenario> scenarios;
        try {
            scenarios = ScenarioRunner.named(fixedProfile == null ? options.positionals() : List.of());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        RunProfile profile = profile(options, scenarios);
        Path home = Path.of(System.getenv().getOrDefault("LAB_HOME", "."));
        Path results = options.path(RESULTS, home.resolve("results").resolve(
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + profile.name()));
        Path corpus = options.path(CORPUS, home.resolve("target").resolve("corpus-" + profile.name()));
        long seed = options.number(SEED, 1, Long.MIN_VALUE, Long.MAX_VALUE);
        Tools tools = Tools.locate(System.getenv());
        long started = System.nanoTime();
        String loadBefore = CalibrateCommand.loadAverage();
        List<Measurement> measurements = new ScenarioRunner(tools, profile, corpus, results, seed, System.out)
                .run(scenarios);
        String heading = String.format(Locale.ROOT, "Profile %s, corpus seed %d, %d measurements in %.1f min; load"
                + " average %s before, %s after.", profile.name(), seed, measurements.size(),
                (System.nanoTime() - started) / 60e9, loadBefore, CalibrateCommand.loadAverage());
        Path report = new Report(measurements, heading).write(results);
        System.out.println("report: " + report);
        return measurements.stream().allMatch(Measurement::valid) ? 0 : 1;
    }

    private RunProfile profile(Options options, List<Scenario> scenarios) throws UsageException {
        if (fixedProfile != null) {
            return fixedProfile;
        }
        RunProfile base = options.flag(SMOKE) ? RunProfile.SMOKE : RunProfile.FULL;
        if (options.value(REPS, null) == null) {
            return base;
        }
        int reps = (int) options.number(REPS, 1, 1, 1000);
        Map<String, Integer> repetitions = new HashMap<>();
        scenarios.forEach(s -> repetitions.put(s.name(), reps));
        return new RunProfile(base.name() + "-" + reps, repetitions, base.bulkBytes(), base.sweepSizes());
    }
}
