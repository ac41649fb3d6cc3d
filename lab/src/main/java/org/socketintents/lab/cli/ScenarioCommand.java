package org.socketintents.lab.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.socketintents.lab.report.Report;
import org.socketintents.lab.scenario.Measurement;
import org.socketintents.lab.scenario.RunProfile;
import org.socketintents.lab.scenario.Scenario;
import org.socketintents.lab.scenario.ScenarioRunner;
import org.socketintents.lab.scenario.Tools;
import org.socketintents.lab.topology.Description;

/**
 * "lab scenario", "lab smoke", "lab reproduce": run the paper's scenarios with siget and the MAM, then write
 * measurements.csv, the figures and report.md into a fresh results directory.
 */
final class ScenarioCommand implements Command {

    private static final String REPS = "--reps";
    private static final String PROFILE = "--profile";
    private static final String CONGESTION_CONTROL = "--congestion-control";
    private static final String RESULTS = "--results";
    private static final String CORPUS = "--corpus";
    private static final String SEED = "--seed";
    private static final String PARALLEL = "--parallel";

    private final String name;
    private final Optional<RunProfile> fixedProfile;
    private final String purpose;

    private ScenarioCommand(String name, Optional<RunProfile> fixedProfile, String purpose) {
        this.name = name;
        this.fixedProfile = fixedProfile;
        this.purpose = purpose;
    }

    static ScenarioCommand scenario() {
        return new ScenarioCommand("scenario", Optional.empty(),
                "run scenarios (bulk-vs-query, filesize-sweep, offload, all)");
    }

    static ScenarioCommand smoke() {
        return new ScenarioCommand("smoke", Optional.of(RunProfile.SMOKE),
                "one repetition of every scenario, shortened pages and sweep (2 min on 4 labs)");
    }

    static ScenarioCommand reproduce() {
        return new ScenarioCommand("reproduce", Optional.empty(),
                "every scenario with the paper's repetitions (under an hour)");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String usage() {
        String own = name.equals("scenario") ? " [NAME...] [--reps N]" : "";
        String profiles = fixedProfile.isPresent() ? "" : " [--profile "
                + RunProfile.ALL.stream().map(RunProfile::name).collect(Collectors.joining("|")) + "]";
        return name + own + profiles + " [--parallel " + ScenarioRunner.DEFAULT_LABS + "]"
                + " [--congestion-control cubic|bbr|...] [--results DIR] [--corpus DIR] [--seed 1]   " + purpose;
    }

    @Override
    public int run(List<String> args) throws Exception {
        boolean chooses = name.equals("scenario");
        Set<String> values = new HashSet<>(Set.of(CONGESTION_CONTROL, RESULTS, CORPUS, SEED, PARALLEL));
        if (fixedProfile.isEmpty()) {
            values.add(PROFILE);
        }
        if (chooses) {
            values.add(REPS);
        }
        Options options = Options.parse(args, values, Set.of());
        if (!chooses) {
            options.atMostPositionals(0);
        }
        List<Scenario> scenarios;
        RunProfile profile;
        try {
            scenarios = ScenarioRunner.named(chooses ? options.positionals() : List.of());
            profile = fixedProfile.isPresent() ? fixedProfile.get()
                    : RunProfile.named(options.value(PROFILE, RunProfile.PAPER.name()));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (options.value(REPS, null) != null) {
            profile = profile.withRepetitions(scenarios, (int) options.number(REPS, 1, 1, 1000));
        }
        Optional<String> congestionControl = Optional.ofNullable(options.value(CONGESTION_CONTROL, null));
        if (congestionControl.isPresent() && !Description.isCongestionControlName(congestionControl.get())) {
            throw new UsageException("not a congestion control name: " + congestionControl.get());
        }
        String label = profile.name() + congestionControl.map(cc -> "-" + cc).orElse("");
        Path home = Path.of(System.getenv().getOrDefault("LAB_HOME", "."));
        Path results = options.path(RESULTS, home.resolve("results").resolve(
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + "-" + label));
        Path corpus = options.path(CORPUS, home.resolve("target").resolve("corpus-" + profile.name()));
        long seed = options.number(SEED, 1, Long.MIN_VALUE, Long.MAX_VALUE);
        int labs = (int) options.number(PARALLEL, ScenarioRunner.DEFAULT_LABS, 1, ScenarioRunner.MAX_LABS);
        Tools tools = Tools.locate(System.getenv());
        long started = System.nanoTime();
        String loadBefore = CalibrateCommand.loadAverage();
        ScenarioRunner runner = new ScenarioRunner(tools, profile, congestionControl, corpus, results, seed, labs,
                System.out);
        List<Measurement> measurements = runner.run(scenarios);
        StringBuilder heading = new StringBuilder(String.format(Locale.ROOT, "Profile %s, corpus seed %d, %d"
                + " measurements in %.1f min; load average %s before, %s after.", profile.name(), seed,
                measurements.size(), (System.nanoTime() - started) / 60e9, loadBefore, CalibrateCommand.loadAverage()));
        if (profile.pageStride() > 1) {
            heading.append(String.format(Locale.ROOT, " The pages keep one object in %d (a shortened corpus): their"
                    + " load times do not compare with the paper's.", profile.pageStride()));
        }
        heading.append('\n');
        runner.conditions().forEach(line -> heading.append("\n- ").append(line));
        Path report = new Report(measurements, heading.toString()).write(results);
        System.out.println("report: " + report);
        return measurements.stream().allMatch(Measurement::valid) ? 0 : 1;
    }
}
