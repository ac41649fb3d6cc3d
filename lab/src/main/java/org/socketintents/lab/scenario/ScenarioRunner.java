package org.socketintents.lab.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.socketintents.lab.corpus.CorpusGenerator;
import org.socketintents.lab.delay.DelayTuning;
import org.socketintents.lab.os.FileTrees;
import org.socketintents.lab.os.Shell;
import org.socketintents.lab.servers.ServerSet;
import org.socketintents.lab.testbed.LabState;
import org.socketintents.lab.testbed.TestbedSession;
import org.socketintents.lab.topology.Descriptions;
import org.socketintents.lab.topology.Layout;

/**
 * Runs scenarios end to end: generates the corpus, and per scenario builds its lab (a lab of its own name, so a lab
 * brought up by hand is left alone), starts the servers, then per variant the MAM with the variant's policy and the
 * repetitions. Everything it starts is gone when it returns, fails or is interrupted.
 */
public final class ScenarioRunner {

    /** The runner's lab; "lab down" removes it like any other. */
    public static final String LAB_NAME = "si-lab-run";

    private final Tools tools;
    private final RunProfile profile;
    private final Path corpus;
    private final Path results;
    private final long seed;
    private final PrintStream progress;

    public ScenarioRunner(Tools tools, RunProfile profile, Path corpus, Path results, long seed, PrintStream progress) {
        this.tools = tools;
        this.profile = profile;
        this.corpus = corpus;
        this.results = results;
        this.seed = seed;
        this.progress = progress;
    }

    /** Runs the scenarios in order and returns every measurement (also appended to measurements.csv). */
    public List<Measurement> run(List<Scenario> scenarios) throws Exception {
        Files.createDirectories(results);
        CorpusGenerator generator = new CorpusGenerator(seed);
        generator.write(corpus, profile.bulkBytes());
        generator.writeSweep(corpus, profile.sweepSizes());
        progress.printf("corpus (seed %d) in %s; results in %s%n", seed, corpus, results);
        List<Measurement> all = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            all.addAll(run(scenario));
        }
        return all;
    }

    private List<Measurement> run(Scenario scenario) throws Exception {
        Layout layout = new Layout(LAB_NAME, Descriptions.load(scenario.description()));
        LabState state = LabState.of(LAB_NAME);
        Path dir = results.resolve(scenario.name());
        List<Measurement> measurements = new ArrayList<>();
        progress.printf("%s on %s, %d repetition(s) of %s%n", scenario.title(), scenario.description(),
                profile.repetitions(scenario),
                scenario.variants().stream().map(Variant::label).collect(Collectors.joining(", ")));
        try (TestbedSession session = TestbedSession.open(layout, new Shell(), DelayTuning.DEFAULT,
                () -> {
                    FileTrees.remove(state.dir());
                    FileTrees.removeIfEmpty(LabState.ROOT);
                })) {
            ServerSet servers = new ServerSet(layout, state.serversDir());
            servers.start(corpus, dir.resolve("servers"), false);
            for (Variant variant : scenario.variants()) {
                Path variantDir = dir.resolve(variant.label());
                try (Mam mam = Mam.start(tools, layout, variant, variantDir.resolve("mam"))) {
                    for (int rep = 1; rep <= profile.repetitions(scenario); rep++) {
                        Trial trial = new Trial(tools, layout, mam.socket(), variantDir.resolve("run-" + rep),
                                scenario.name(), variant, rep, profile);
                        List<Measurement> trialResults = scenario.run(trial);
                        MeasurementsFile.append(results.resolve(MeasurementsFile.NAME), trialResults);
                        measurements.addAll(trialResults);
                        progress.printf("  %-14s #%-2d %s%n", variant.label(), rep, summary(trialResults));
                    }
                }
            }
            servers.stop();
        }
        return measurements;
    }

    private static String summary(List<Measurement> trial) {
        return trial.stream().map(m -> String.format(Locale.ROOT, "%s%s %.2f s%s",
                m.subject(), m.subject().equals(FileSizeSweep.SUBJECT) ? " " + m.bytes() / 1024 + " KiB" : "",
                m.millis() / 1000, m.valid() ? "" : " (FAILED)"))
                .collect(Collectors.joining(", "));
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
