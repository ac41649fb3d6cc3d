package org.socketintents.benchmarks.load;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.HdrHistogram.Histogram;
import org.socketintents.benchmarks.support.TypicalExchange;
import org.socketintents.protocol.DecisionReply;

/**
 * Runs a plan: for each heap setting, launches the distribution (timing the launches), reads its idle memory,
 * measures the floors once, then puts the MAM under load while watching its memory.
 */
final class Suite {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    /** Warm-up of the one-by-one connect measurements, as a share of their count. */
    private static final int CONNECT_WARMUP_DIVISOR = 10;

    private final Plan plan;
    private final Report report;
    private final PrintStream progress;
    private boolean floorsMeasured;

    Suite(Plan plan, Report report, PrintStream progress) {
        this.plan = plan;
        this.report = report;
        this.progress = progress;
    }

    void run() throws IOException {
        if (plan.attached()) {
            runAttached();
            return;
        }
        try (RuntimeFiles files = RuntimeFiles.create(plan.distribution().resolve("conf"), plan.statsIntervalMs())) {
            report.note(files.configuredInterface()
                    .map(i -> "interface " + i + " configured with figures (100 Mbit/s, 10 ms), so the category"
                            + " policy chooses it")
                    .orElse("no external IPv4 interface to configure: the category policy leaves the source to the OS"));
            report.note("statistics collector sampling every " + plan.statsIntervalMs() + " ms during the run");
            for (Heap heap : plan.heaps()) {
                runWith(heap, files);
            }
        }
    }

    private void runWith(Heap heap, RuntimeFiles files) throws IOException {
        String javaOptions = (heap.javaOption() + " " + plan.javaOptions()).trim();
        if (plan.measures(Phase.STARTUP)) {
            for (int i = 1; i < plan.startups(); i++) {
                try (Daemon daemon = Daemon.launch(plan.distribution(), files, javaOptions, heap.profile())) {
                    startedAfter(heap, daemon.awaitFirstDecision(plan.policy(), START_TIMEOUT));
                }
            }
        }
        try (Daemon daemon = Daemon.launch(plan.distribution(), files, javaOptions, heap.profile())) {
            Daemon.FirstDecision first = daemon.awaitFirstDecision(plan.policy(), START_TIMEOUT);
            if (plan.measures(Phase.STARTUP)) {
                startedAfter(heap, first);
            }
            long pid = daemon.javaPid();
            pause(plan.idleSettle());
            long idle = ProcFiles.residentKb(pid);
            report.idleRss(heap.label(), idle);
            progress.printf(Locale.ROOT, "[load] %s heap: idle RSS %.1f MB%n", heap.label(), idle / 1024.0);
            sampleAndFloors(daemon.socket());
            if (!loadsMam()) {
                return;
            }
            try (RssSampler rss = RssSampler.start(pid)) {
                loadMam(daemon.socket(), heap.label());
                report.loadRss(heap.label(), rss.peakKb());
            } catch (IOException e) {
                throw daemon.failure(e.getMessage());
            }
        }
    }

    private boolean loadsMam() {
        return plan.measures(Phase.LATENCY) || plan.measures(Phase.THROUGHPUT) || plan.measures(Phase.CONNECT);
    }

    private void startedAfter(Heap heap, Daemon.FirstDecision first) {
        report.addStartup(heap, first.sinceLaunch());
        progress.printf(Locale.ROOT, "[load] %s heap: first decision %.0f ms after launch%n", heap.label(),
                first.sinceLaunch().toNanos() / 1e6);
    }

    private void runAttached() throws IOException {
        sampleAndFloors(plan.attachSocket());
        if (plan.attachPid() > 0) {
            report.idleRss("attached", ProcFiles.residentKb(plan.attachPid()));
            try (RssSampler rss = RssSampler.start(plan.attachPid())) {
                loadMam(plan.attachSocket(), "attached");
                report.loadRss("attached", rss.peakKb());
            }
        } else {
            loadMam(plan.attachSocket(), "attached");
        }
    }

    /** Asks the MAM once, to report its answer and to give the echo floor the same frame sizes. */
    private void sampleAndFloors(Path mamSocket) throws IOException {
        DecisionReply sample;
        try (DecisionClient client = DecisionClient.connect(mamSocket, new DecisionTally())) {
            sample = client.decide();
        }
        byte[] request = TypicalExchange.frame(TypicalExchange.request(1));
        byte[] reply = TypicalExchange.frame(sample);
        report.sample(sample, request.length, reply.length);
        if (!plan.measures(Phase.FLOORS) || floorsMeasured) {
            return;
        }
        floorsMeasured = true;
        Path directory = Files.createTempDirectory("si-echo");
        Path echoSocket = directory.resolve("echo.sock");
        try (EchoServerProcess echo = EchoServerProcess.start(echoSocket, reply)) {
            RoundTripClient.Factory clients = () -> EchoClient.connect(echoSocket, request);
            runs(Kind.ECHO_LATENCY, "-", plan.latencyClients(), 1, () -> LoadRun.run(clients, plan.latencyClients(),
                    latencyWorkload()));
            if (plan.measures(Phase.THROUGHPUT)) {
                for (int count : plan.clientCounts()) {
                    runs(Kind.ECHO_THROUGHPUT, "-", count, 1, () -> LoadRun.run(clients, count, throughputWorkload()));
                }
            }
        } finally {
            Files.deleteIfExists(echoSocket);
            Files.deleteIfExists(directory);
        }
        Repeated<Histogram> tcp = repeat(() -> ConnectLatencies.connectAndClose(plan.connects(),
                plan.connects() / CONNECT_WARMUP_DIVISOR));
        add(Row.ofSequential(Kind.TCP_CONNECT_CLOSE, "-", tcp.results(), tcp.loadAverages(), tcp.othersCpu()));
    }

    private void loadMam(Path socket, String heap) throws IOException {
        if (plan.measures(Phase.LATENCY)) {
            decisionRuns(Kind.DECISION_LATENCY, heap, plan.latencyClients(), 1, tally -> LoadRun.run(
                    () -> LibraryDecisionClient.connect(socket, tally), plan.latencyClients(), latencyWorkload()));
        }
        if (plan.measures(Phase.THROUGHPUT)) {
            for (int count : plan.clientCounts()) {
                decisionRuns(Kind.DECISION_THROUGHPUT, heap, count, 1, tally -> LoadRun.run(
                        () -> LibraryDecisionClient.connect(socket, tally), count, throughputWorkload()));
            }
            for (int count : plan.processCounts()) {
                decisionRuns(Kind.DECISION_PROCESSES, heap, count, plan.processes(), tally -> ClientProcesses.run(
                        socket, plan.processes(), count / plan.processes(), throughputWorkload(), tally));
            }
        }
        if (plan.measures(Phase.CONNECT)) {
            Repeated<ConnectLatencies.Comparison> connects = repeat(() -> ConnectLatencies.compare(socket,
                    plan.connects(), plan.connects() / CONNECT_WARMUP_DIVISOR));
            add(Row.ofSequential(Kind.PLAIN_CONNECT, heap, connects.results().stream()
                    .map(ConnectLatencies.Comparison::plain).toList(), connects.loadAverages(), connects.othersCpu()));
            add(Row.ofSequential(Kind.INTENT_CONNECT, heap, connects.results().stream()
                    .map(ConnectLatencies.Comparison::intent).toList(), connects.loadAverages(), connects.othersCpu()));
            long withoutDecision = connects.results().stream()
                    .mapToLong(ConnectLatencies.Comparison::withoutDecision).sum();
            if (withoutDecision > 0) {
                report.note(withoutDecision + " intent-aware connects (" + heap
                        + " heap) got no decision from the MAM and connected the OS way");
            }
        }
    }

    private Workload latencyWorkload() {
        return Workload.counted(plan.latencyWarmup(), plan.latencyRequests() / plan.latencyClients());
    }

    private Workload throughputWorkload() {
        return Workload.timed(plan.throughputWarmup(), plan.duration());
    }

    /** A measurement of round trips. */
    @FunctionalInterface
    private interface Run {
        Measurement measure() throws IOException;
    }

    /** A measurement against the MAM, which tallies what went other than planned. */
    @FunctionalInterface
    private interface DecisionRun {
        Measurement measure(DecisionTally tally) throws IOException;
    }

    private void decisionRuns(Kind kind, String heap, int clients, int processes, DecisionRun run)
            throws IOException {
        DecisionTally tally = new DecisionTally();
        runs(kind, heap, clients, processes, () -> run.measure(tally));
        if (!tally.isClean()) {
            String what = String.format(Locale.ROOT, "%s, %s, heap %s, %d clients over %d runs: %s", kind.subject(),
                    kind.setting(), heap, clients, plan.repeat(), tally);
            report.note(what);
            progress.println("[load] " + what);
        }
    }

    private void runs(Kind kind, String heap, int clients, int processes, Run run) throws IOException {
        Repeated<Measurement> runs = repeat(run::measure);
        add(Row.of(kind, heap, clients, processes, runs.results(), runs.loadAverages(), runs.othersCpu()));
    }

    /** What repeated runs measured, with the load average before each and the others' CPU share during each. */
    private record Repeated<T>(List<T> results, List<String> loadAverages, List<Double> othersCpu) {
    }

    /** One measurement of the repeated ones. */
    @FunctionalInterface
    private interface Measure<T> {
        T measure() throws IOException;
    }

    private <T> Repeated<T> repeat(Measure<T> measure) throws IOException {
        Repeated<T> runs = new Repeated<>(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < plan.repeat(); i++) {
            runs.loadAverages().add(ProcFiles.loadAverage());
            CpuSample before = CpuSample.now();
            runs.results().add(measure.measure());
            runs.othersCpu().add(CpuSample.now().othersShareSince(before));
        }
        return runs;
    }

    private void add(Row row) {
        report.add(row);
        LatencySummary l = row.latency();
        progress.printf(Locale.ROOT, "[load] %s, %s, heap %s, %d clients/%d procs, median of %d: %,d per run, %s/s;"
                        + " p50 %.1f p99 %.1f p99.9 %.1f max %.1f us (load %s; others' CPU %s)%n",
                row.kind().subject(), row.kind().setting(), row.heap(), row.clients(), row.processes(), row.runs(),
                row.requests(), Targets.format(row.throughput()), l.p50Us(), l.p99Us(), l.p999Us(), l.maxUs(),
                String.join(" / ", row.loadAverages()), row.othersCpu().stream()
                        .map(share -> String.format(Locale.ROOT, "%.0f%%", 100 * share)).toList());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
