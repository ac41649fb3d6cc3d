package org.socketintents.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The end-to-end load tool: starts the distribution (or attaches to a running MAM), measures the decision round
 * trip over the Unix socket against its floors, throughput, start-up and memory, and reports the figures as a
 * table and as JSON. It fails only when it cannot measure, never because of the figures.
 */
@Command(name = "load-tool", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Measures the MAM's decision round trip, throughput, start-up and memory against the floors"
                + " of a plain Unix-socket echo and a plain loopback connect.")
public final class LoadTool implements Callable<Integer> {

    private static final int EXIT_FAILED = 1;
    private static final int EXIT_TIMED_OUT = 3;
    private static final Duration SMOKE_TIMEOUT = Duration.ofMinutes(5);

    @Option(names = "--smoke", description = "A few seconds' run that only checks the tool works: 10,000 requests"
            + " from 2 threads, 1 s of throughput, one launch, the default heap. Sizes given otherwise are ignored.")
    boolean smoke;

    @Option(names = "--distribution", paramLabel = "DIR", description = "The unpacked distribution to start"
            + " (default: ${DEFAULT-VALUE}).")
    Path distribution = Path.of("distribution/target/socket-intents");

    @Option(names = "--socket", paramLabel = "PATH", description = "Attach to the MAM listening here instead of"
            + " starting the distribution (no start-up or heap comparison then).")
    Path socket;

    @Option(names = "--mam-pid", paramLabel = "PID", description = "With --socket: the MAM's JVM, to read its memory.")
    long mamPid;

    @Option(names = "--heaps", split = ",", paramLabel = "H", description = "Heap settings to start the MAM with:"
            + " default, a size such as 32m, or the script's profile and a size such as gateway:32m"
            + " (default: ${DEFAULT-VALUE}).")
    List<String> heaps = List.of("default", "32m", "gateway:32m");

    @Option(names = "--phases", split = ",", paramLabel = "P", description = "What to measure: ${COMPLETION-CANDIDATES}"
            + " (default: all).")
    Set<Phase> phases = EnumSet.allOf(Phase.class);

    @Option(names = "--requests", paramLabel = "N", description = "Recorded round trips of the latency run"
            + " (default: ${DEFAULT-VALUE}).")
    long requests = 1_000_000;

    @Option(names = "--latency-clients", paramLabel = "N", description = "Client threads of the latency run"
            + " (default: ${DEFAULT-VALUE}).")
    int latencyClients = 1;

    @Option(names = "--warmup", paramLabel = "N", description = "Unrecorded round trips per client before the"
            + " latency run (default: ${DEFAULT-VALUE}).")
    long warmup = 100_000;

    @Option(names = "--clients", split = ",", paramLabel = "N", description = "Client counts of the throughput runs"
            + " (default: ${DEFAULT-VALUE}).")
    List<Integer> clients = List.of(1, 4, 16, 64);

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Length of each throughput run"
            + " (default: ${DEFAULT-VALUE}).")
    long durationSeconds = 10;

    @Option(names = "--throughput-warmup", paramLabel = "N", description = "Unrecorded round trips per client before"
            + " each throughput run (default: ${DEFAULT-VALUE}).")
    long throughputWarmup = 5_000;

    @Option(names = "--processes", paramLabel = "P", description = "Also run each client count divisible by P as P"
            + " client processes; 0 for none (default: ${DEFAULT-VALUE}).")
    int processes = 4;

    @Option(names = "--repeat", paramLabel = "R", description = "Repetitions of each latency and throughput run;"
            + " the report shows medians (default: ${DEFAULT-VALUE}).")
    int repeat = 3;

    @Option(names = "--connects", paramLabel = "N", description = "Connects timed per kind: TCP floor, plain,"
            + " intent-aware (default: ${DEFAULT-VALUE}).")
    int connects = 50_000;

    @Option(names = "--startups", paramLabel = "K", description = "Launches timed per heap setting"
            + " (default: ${DEFAULT-VALUE}).")
    int startups = 5;

    @Option(names = "--idle-settle", paramLabel = "MS", description = "Wait after the first decision before reading"
            + " the idle memory (default: ${DEFAULT-VALUE}).")
    long idleSettleMillis = 5_000;

    @Option(names = "--stats-interval", paramLabel = "MS", description = "The statistics collector's sampling"
            + " interval during the run (default: ${DEFAULT-VALUE}, the authors' daemon's).")
    int statsIntervalMs = 100;

    @Option(names = "--policy", description = "The policy whose answer counts as the first decision"
            + " (default: ${DEFAULT-VALUE}).")
    String policy = "category";

    @Option(names = "--java-options", paramLabel = "OPTS", description = "More JVM options for the MAM, e.g."
            + " -XX:StartFlightRecording=filename=/tmp/mam.jfr.")
    String javaOptions = "";

    @Option(names = "--quiet-below", paramLabel = "LOAD", description = "First wait (at most --quiet-wait) until"
            + " the 1-minute load average is below this; 0 to start at once (default: ${DEFAULT-VALUE}).")
    double quietBelow;

    @Option(names = "--quiet-wait", paramLabel = "SECONDS", description = "Longest wait for --quiet-below"
            + " (default: ${DEFAULT-VALUE}).")
    long quietWaitSeconds = 900;

    @Option(names = "--json", paramLabel = "FILE", description = "Where to write the JSON report"
            + " (default: ${DEFAULT-VALUE}).")
    Path json = Path.of("load-report.json");

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up (exit 3) after this long; 0 for"
            + " never (default: 0; 300 with --smoke).")
    long timeoutSeconds;

    public static void main(String[] args) {
        // The daemons and client processes this tool started end with it, whichever way it ends.
        Runtime.getRuntime().addShutdownHook(new Thread(
                () -> ProcessHandle.current().descendants().forEach(ProcessHandle::destroy), "load-tool-cleanup"));
        System.exit(new CommandLine(new LoadTool()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }

    @Override
    public Integer call() {
        Plan plan = plan();
        Duration timeout = Duration.ofSeconds(smoke && timeoutSeconds == 0 ? SMOKE_TIMEOUT.toSeconds() : timeoutSeconds);
        if (!timeout.isZero()) {
            giveUpAfter(timeout);
        }
        Report report = new Report(Machine.describe(), plan.mode());
        try {
            if (quietBelow > 0) {
                awaitQuiet(report);
            }
            new Suite(plan, report, System.err).run();
        } catch (IOException | RuntimeException e) {
            System.err.println("load-tool: " + e.getMessage());
            return EXIT_FAILED;
        }
        List<Targets.Verdict> verdicts = Targets.evaluate(report);
        System.out.print(ReportTable.render(report, verdicts));
        try {
            Path parent = json.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(json, ReportJson.render(report, verdicts));
            System.out.println("JSON report: " + json.toAbsolutePath());
        } catch (IOException e) {
            System.err.println("load-tool: cannot write " + json + ": " + e);
            return EXIT_FAILED;
        }
        return 0;
    }

    Plan plan() {
        if (smoke) {
            return new Plan("smoke", distribution, socket, mamPid, List.of(Heap.DEFAULT), EnumSet.allOf(Phase.class),
                    10_000, 2, 1_000, List.of(2), Duration.ofSeconds(1), 500, 1, 1, 2_000, 1,
                    Duration.ofMillis(500), statsIntervalMs, policy, javaOptions);
        }
        return new Plan(socket != null ? "attached" : "full", distribution, socket, mamPid,
                heaps.stream().map(Heap::parse).toList(), phases, requests, latencyClients, warmup, clients,
                Duration.ofSeconds(durationSeconds), throughputWarmup, processes, repeat, connects, startups,
                Duration.ofMillis(idleSettleMillis), statsIntervalMs, policy, javaOptions);
    }

    private void awaitQuiet(Report report) {
        long deadline = System.nanoTime() + Duration.ofSeconds(quietWaitSeconds).toNanos();
        while (ProcFiles.oneMinuteLoad() >= quietBelow && System.nanoTime() - deadline < 0) {
            System.err.println("[load] waiting for the 1-minute load average to fall below " + quietBelow + ": "
                    + ProcFiles.loadAverage());
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        double load = ProcFiles.oneMinuteLoad();
        report.note(String.format(Locale.ROOT, "started at a 1-minute load average of %.2f (%s %.2f)", load,
                load < quietBelow ? "below" : "still not below, after waiting", quietBelow));
    }

    private static void giveUpAfter(Duration timeout) {
        Thread guard = new Thread(() -> {
            try {
                Thread.sleep(timeout.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            System.err.println("load-tool: gave up after " + timeout.toSeconds() + " s");
            System.exit(EXIT_TIMED_OUT);
        }, "load-tool-timeout");
        guard.setDaemon(true);
        guard.start();
    }
}
