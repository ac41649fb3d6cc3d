package org.socketintents.lab.scenario;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.socketintents.lab.corpus.CorpusGenerator;
import org.socketintents.lab.os.CommandRunner;
import org.socketintents.lab.os.MptcpCounters;
import org.socketintents.lab.os.Shell;

/**
 * Runs scenarios end to end: generates the corpus, cuts the run into jobs ({@link Job}: a range of repetitions of
 * one variant) and runs them on a pool of identical labs side by side ({@link JobScheduler}, {@link LabSlot}). Each
 * lab has a name of its own ({@value #LAB_NAME}-1 and on, so a lab brought up by hand is left alone), its servers
 * and its state directory; per job it starts the MAM with the variant's policy, does one unmeasured warm-up
 * download and the repetitions. Measurements from every lab go to the one measurements.csv as each repetition
 * ends. Everything it starts is gone when it returns, fails or is interrupted.
 */
public final class ScenarioRunner {

    /** Prefix of the runner's labs; "lab down" removes them like any other. */
    public static final String LAB_NAME = "si-lab-run";
    /**
     * Labs side by side by default: the fewest with which the paper profile ends within the hour on the lab's
     * 2-core machine. More pass calibration, but the clients (JVMs) then wait for CPU and pages load slower
     * (lab/README.md, "Labs side by side").
     */
    public static final int DEFAULT_LABS = 4;
    /** A bound against typing mistakes: each lab is two namespaces, a delay-line daemon, servers and a MAM. */
    public static final int MAX_LABS = 16;

    private final Tools tools;
    private final RunProfile profile;
    private final Optional<String> congestionControl;
    private final Path corpus;
    private final Path results;
    private final long seed;
    private final int labs;
    private final PrintStream progress;
    private final CommandRunner shell = new Shell();
    private final Map<String, ScenarioConditions> conditions = new LinkedHashMap<>();
    private final List<Measurement> measurements = Collections.synchronizedList(new ArrayList<>());

    /**
     * @param congestionControl the TCP congestion control of every lab instead of its description's, if given
     * @param labs              how many labs run jobs side by side
     */
    public ScenarioRunner(Tools tools, RunProfile profile, Optional<String> congestionControl, Path corpus,
            Path results, long seed, int labs, PrintStream progress) {
        this.tools = tools;
        this.profile = profile;
        this.congestionControl = congestionControl;
        this.corpus = corpus;
        this.results = results;
        this.seed = seed;
        this.labs = labs;
        this.progress = progress;
    }

    /** Runs the scenarios and returns every measurement (also appended to measurements.csv). */
    public List<Measurement> run(List<Scenario> scenarios) throws Exception {
        Files.createDirectories(results);
        CorpusGenerator generator = new CorpusGenerator(seed).shortened(profile.pageStride());
        generator.write(corpus, profile.bulkBytes());
        generator.writeSweep(corpus, profile.sweepSizes());
        progress.printf("corpus (seed %d) in %s; results in %s%n", seed, corpus, results);
        List<Job> jobs = Job.plan(scenarios, profile, labs);
        List<LabSlot> slots = new ArrayList<>();
        for (int k = 1; k <= Math.min(labs, jobs.size()); k++) {
            slots.add(new LabSlot(LAB_NAME + "-" + k, shell, congestionControl, corpus));
        }
        for (Scenario scenario : scenarios) {
            conditions.put(scenario.name(), new ScenarioConditions(scenario));
            progress.printf("%s on %s, %d repetition(s) of %s%n", scenario.title(), scenario.description(),
                    profile.repetitions(scenario),
                    scenario.variants().stream().map(Variant::label).collect(Collectors.joining(", ")));
        }
        progress.printf("%d job(s) on %d lab(s) side by side%n", jobs.size(), slots.size());
        JobScheduler.run(jobs, slots, this::run);
        synchronized (measurements) {
            return List.copyOf(measurements);
        }
    }

    /** Per scenario run: its labs, the TCP congestion control their connections ran, how long it took. */
    public List<String> conditions() {
        return conditions.values().stream().filter(ScenarioConditions::ran).map(ScenarioConditions::toString)
                .toList();
    }

    private void run(LabSlot lab, Job job) throws Exception {
        long started = System.nanoTime();
        Scenario scenario = job.scenario();
        Variant variant = job.variant();
        Path dir = results.resolve(scenario.name());
        Path variantDir = dir.resolve(variant.label());
        lab.prepare(scenario, variant.multipath(), dir.resolve("servers").resolve(lab.name()));
        progress.printf("  %s: %s (TCP congestion control: %s)%n", lab.name(), job, lab.congestionControlSummary());
        String progressLine = "  %s: %s #%-2d %s%n";
        try (Mam mam = Mam.start(tools, lab.layout(), variant,
                variantDir.resolve("mam-" + job.firstRepetition()), lab.state())) {
            warmUp(new Trial(tools, lab.layout(), shell, mam.socket(),
                    variantDir.resolve("warm-up-" + job.firstRepetition()), scenario.name(), variant, 0, profile));
            for (int rep = job.firstRepetition(); rep <= job.lastRepetition(); rep++) {
                Trial trial = new Trial(tools, lab.layout(), shell, mam.socket(), variantDir.resolve("run-" + rep),
                        scenario.name(), variant, rep, profile);
                List<Measurement> trialResults = variant.multipath() ? runMultipath(scenario, trial)
                        : scenario.run(trial);
                MeasurementsFile.append(results.resolve(MeasurementsFile.NAME), trialResults);
                measurements.addAll(trialResults);
                progress.printf(progressLine, lab.name(), variant.label(), rep, summary(trialResults));
            }
        }
        conditions.get(scenario.name()).jobRan(lab.name(), lab.congestionControlSummary(), started,
                System.nanoTime());
    }

    /**
     * A repetition of an MPTCP variant, checked against the client namespace's MPTCP counters: when its connections
     * did not run MPTCP over both links, its figures are not MPTCP figures and count as failed. The verdict goes to
     * mptcp.txt in the repetition's directory.
     */
    private List<Measurement> runMultipath(Scenario scenario, Trial trial) throws IOException, InterruptedException {
        String namespace = trial.layout().clientNamespace();
        MptcpCounters before = MptcpCounters.of(shell, namespace);
        List<Measurement> measured = scenario.run(trial);
        MptcpCheck check = MptcpCheck.between(before, MptcpCounters.of(shell, namespace));
        Files.createDirectories(trial.dir());
        Files.writeString(trial.dir().resolve("mptcp.txt"), check + "\n");
        conditions.get(scenario.name()).checked(trial.variant(), check);
        return check.passed() ? measured : measured.stream().map(Measurement::failed).toList();
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
