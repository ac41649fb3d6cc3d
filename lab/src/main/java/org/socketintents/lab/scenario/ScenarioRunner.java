package org.socketintents.lab.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.socketintents.lab.corpus.CorpusGenerator;
import org.socketintents.lab.delay.DelayTuning;
import org.socketintents.lab.os.CommandRunner;
import org.socketintents.lab.os.FileTrees;
import org.socketintents.lab.os.Shell;
import org.socketintents.lab.servers.ServerSet;
import org.socketintents.lab.testbed.LabState;
import org.socketintents.lab.testbed.LinkCongestionControl;
import org.socketintents.lab.testbed.TestbedSession;
import org.socketintents.lab.topology.Description;
import org.socketintents.lab.topology.Descriptions;
import org.socketintents.lab.topology.Layout;

/**
 * Runs scenarios end to end: generates the corpus, and per scenario builds its lab (a lab of its own name, so a lab
 * brought up by hand is left alone), starts the servers, then per variant the MAM with the variant's policy, one
 * unmeasured warm-up download and the repetitions. Everything it starts is gone when it returns, fails or is
 * interrupted.
 */
public final class ScenarioRunner {

    /** The runner's lab; "lab down" removes it like any other. */
    public static final String LAB_NAME = "si-lab-run";

    private final Tools tools;
    private final RunProfile profile;
    private final Optional<String> congestionControl;
    private final Path corpus;
    private final Path results;
    private final long seed;
    private final PrintStream progress;
    private final CommandRunner shell = new Shell();
    private final List<String> conditions = new ArrayList<>();

    /**
     * @param congestionControl the TCP congestion control of every lab instead of its description's, if given
     */
    public ScenarioRunner(Tools tools, RunProfile profile, Optional<String> congestionControl, Path corpus,
            Path results, long seed, PrintStream progress) {
        this.tools = tools;
        this.profile = profile;
        this.congestionControl = congestionControl;
        this.corpus = corpus;
        this.results = results;
        this.seed = seed;
        this.progress = progress;
    }

    /** Runs the scenarios in order and returns every measurement (also appended to measurements.csv). */
    public List<Measurement> run(List<Scenario> scenarios) throws Exception {
        Files.createDirectories(results);
        CorpusGenerator generator = new CorpusGenerator(seed).shortened(profile.pageStride());
        generator.write(corpus, profile.bulkBytes());
        generator.writeSweep(corpus, profile.sweepSizes());
        progress.printf("corpus (seed %d) in %s; results in %s%n", seed, corpus, results);
        List<Measurement> all = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            all.addAll(run(scenario));
        }
        return all;
    }

    /** Per scenario run: its lab, the TCP congestion control its connections ran, how long it took. */
    public List<String> conditions() {
        return List.copyOf(conditions);
    }

    private List<Measurement> run(Scenario scenario) throws Exception {
        Description description = Descriptions.load(scenario.description());
        Layout layout = new Layout(LAB_NAME, congestionControl.map(description::withCongestionControl)
                .orElse(description));
        LabState state = LabState.of(LAB_NAME);
        Path dir = results.resolve(scenario.name());
        List<Measurement> measurements = new ArrayList<>();
        long started = System.nanoTime();
        progress.printf("%s on %s, %d repetition(s) of %s%n", scenario.title(), scenario.description(),
                profile.repetitions(scenario),
                scenario.variants().stream().map(Variant::label).collect(Collectors.joining(", ")));
        try (TestbedSession session = TestbedSession.open(layout, shell, DelayTuning.DEFAULT,
                () -> {
                    FileTrees.remove(state.dir());
                    FileTrees.removeIfEmpty(LabState.ROOT);
                })) {
            String tcp = LinkCongestionControl.summary(session.testbed().congestionControl());
            progress.printf("  TCP congestion control: %s%n", tcp);
            ServerSet servers = new ServerSet(layout, state.serversDir());
            servers.start(corpus, dir.resolve("servers"), false);
            String progressLine = "  %-" + scenario.variants().stream().mapToInt(v -> v.label().length()).max()
                    .orElse(1) + "s #%-2d %s%n";
            for (Variant variant : scenario.variants()) {
                Path variantDir = dir.resolve(variant.label());
                try (Mam mam = Mam.start(tools, layout, variant, variantDir.resolve("mam"), state)) {
                    warmUp(new Trial(tools, layout, shell, mam.socket(), variantDir.resolve("warm-up"),
                            scenario.name(), variant, 0, profile));
                    for (int rep = 1; rep <= profile.repetitions(scenario); rep++) {
                        Trial trial = new Trial(tools, layout, shell, mam.socket(), variantDir.resolve("run-" + rep),
                                scenario.name(), variant, rep, profile);
                        List<Measurement> trialResults = scenario.run(trial);
                        MeasurementsFile.append(results.resolve(MeasurementsFile.NAME), trialResults);
                        measurements.addAll(trialResults);
                        progress.printf(progressLine, variant.label(), rep, summary(trialResults));
                    }
                }
            }
            servers.stop();
            conditions.add(String.format(Locale.ROOT, "%s: lab %s, TCP congestion control %s; %.1f min.",
                    scenario.title(), scenario.description(), tcp, (System.nanoTime() - started) / 60e9));
        }
        return measurements;
    }

    /**
     * One download through the fresh MAM before the measured ones, so that the first repetition does not pay for
     * loading and compiling the MAM's decision path (and for cold server caches).
     */
    private static void warmUp(Trial trial) throws IOException, InterruptedException {
        String page = CorpusGenerator.PAGE_NAMES.get(0);
        SigetCommand fetch = SigetCommand.file(trial.url(page + ".lab", page + "/index.html"), Optional.of("query"),
                true, trial.dir().resolve("timings.csv"));
        try (ClientProcess siget = trial.start(fetch)) {
            siget.await(Trial.SIGET_TIMEOUT);
        }
    }

    private static String summary(List<Measurement> trial) {
        return trial.stream().map(ScenarioRunner::summary).collect(Collectors.joining(", "));
    }

    private static String summary(Measurement m) {
        String figure = BulkVersusQuery.isBulk(m)
                ? String.format(Locale.ROOT, "%.2f Mbit/s", m.megabitsPerSecond())
                : String.format(Locale.ROOT, "%.2f s", m.millis() / 1000);
        return m.subject() + (m.subject().equals(FileSizeSweep.SUBJECT) ? " " + m.bytes() / 1024 + " KiB" : "") + " "
                + (m.valid() ? figure : "FAILED");
    }

    /** The scenarios by name, or all of them for "all". */
    public static List<Scenario> named(List<String> names) {
        List<Scenario> all = List.of(new BulkVersusQuery(), new FileSizeSweep(), new OffloadByFileSize());
        if (names.isEmpty() || names.contains("all")) {
            return all;
        }
        List<Scenario> chosen = new ArrayList<>();
        for (String name : names) {
            chosen.add(all.stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no scenario " + name + " (known: "
                            + all.stream().map(Scenario::name).collect(Collectors.joining(", ")) + ", all)")));
        }
        return chosen;
    }
}
