package org.socketintents.stats.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.socketintents.api.net.InterfaceMonitor;
import org.socketintents.api.stats.Figure;
import org.socketintents.api.stats.InterfaceStatistics;
import org.socketintents.api.stats.StatisticsSnapshot;
import org.socketintents.api.transport.SocketDiagnostics;

/**
 * The {@link InterfaceStatistics} service. One thread samples every {@code sample.interval.ms} and publishes an
 * immutable snapshot through a volatile field; {@link #snapshot()} only reads that field, so no decision ever waits
 * for a sample, even one stuck in the kernel. Probes run on a second thread and hand their results to the sampling
 * thread, which alone touches the collector's state.
 */
@Component(service = InterfaceStatistics.class, immediate = true, configurationPid = StatisticsCollector.PID)
@Designate(ocd = StatisticsCollector.Config.class)
public final class StatisticsCollector implements InterfaceStatistics {

    static final String PID = "org.socketintents.stats";
    static final String SAMPLING_THREAD = "socket-intents-stats";
    static final String PROBING_THREAD = "socket-intents-stats-probe";

    private static final Logger LOG = System.getLogger(StatisticsCollector.class.getName());
    /** Snapshots more than this many sample intervals old are aged on reading: the sampler is late or stuck. */
    private static final int LATE_INTERVALS = 2;

    @ObjectClassDefinition(id = PID, name = "Socket Intents statistics",
            description = "Measures each interface's RTT, rates, connections and retransmissions from its byte"
                    + " counters, the kernel's TCP socket diagnostics and optional probes, for policies (service"
                    + " InterfaceStatistics) and the console (mam:stats). Measurements older than the stale age give"
                    + " way to the interface's configured figures.")
    public @interface Config {

        @AttributeDefinition(name = "Sample interval (ms)", min = "" + CollectorSettings.MIN_SAMPLE_INTERVAL_MS,
                max = "" + CollectorSettings.MAX_SAMPLE_INTERVAL_MS,
                description = "Time between two samples of the counters and the socket dump.")
        int sample_interval_ms() default CollectorSettings.DEFAULT_SAMPLE_INTERVAL_MS;

        @AttributeDefinition(name = "Windows (ms)",
                description = "Windows over which rate peaks are kept (1 to " + CollectorSettings.MAX_WINDOW_MS
                        + " ms; several per entry separated by commas). The longest also bounds the minimum RTT, and"
                        + " its peak is the capacity estimate policies use.")
        String[] windows_ms() default {"1000", "10000", "60000"};

        @AttributeDefinition(name = "Smoothing (ms)", min = "1", max = "" + CollectorSettings.MAX_WINDOW_MS,
                description = "Time constant of the moving averages of RTT, rates and retransmissions.")
        int smoothing_ms() default CollectorSettings.DEFAULT_SMOOTHING_MS;

        @AttributeDefinition(name = "Stale after (ms)", min = "1", max = "" + CollectorSettings.MAX_WINDOW_MS,
                description = "Age beyond which a measurement is stale: it no longer overrides a configured figure.")
        int stale_after_ms() default CollectorSettings.DEFAULT_STALE_AFTER_MS;

        @AttributeDefinition(name = "Probe targets", required = false,
                description = "<interface>=<address>:<port> of a TCP server reachable over that interface, e.g."
                        + " i1=192.0.2.53:53 or i2=[2001:db8::53]:53 (several per entry separated by commas)."
                        + " Interfaces whose connections moved no data lately get their RTT from the connect time.")
        String[] probe_targets() default {};

        @AttributeDefinition(name = "Probe interval (ms)", min = "" + CollectorSettings.MIN_PROBE_INTERVAL_MS,
                max = "" + CollectorSettings.MAX_WINDOW_MS, description = "Time between two rounds of probes.")
        int probe_interval_ms() default CollectorSettings.DEFAULT_PROBE_INTERVAL_MS;

        @AttributeDefinition(name = "Probe timeout (ms)", min = "1", max = "" + CollectorSettings.MAX_SAMPLE_INTERVAL_MS,
                description = "How long one probe's connect may take.")
        int probe_timeout_ms() default CollectorSettings.DEFAULT_PROBE_TIMEOUT_MS;

        @AttributeDefinition(name = "Counters directory",
                description = "Where the interfaces' byte counters are: <directory>/<interface>/statistics/rx_bytes.")
        String counters_directory() default CollectorSettings.DEFAULT_COUNTERS_DIRECTORY;
    }

    private record Published(StatisticsSnapshot snapshot, long at) {
    }

    private final LongSupplier clock;
    private final ConnectTimer connectTimer;
    private final AtomicReference<InterfaceMonitor> monitor = new AtomicReference<>();
    private final AtomicReference<SocketDiagnostics> diagnostics = new AtomicReference<>();
    private final ProblemLog failures = new ProblemLog(LOG);
    private volatile Published published;
    private volatile CollectorSettings settings = CollectorSettings.DEFAULTS;
    private ScheduledExecutorService sampling;
    private ScheduledExecutorService probing;
    private ScheduledFuture<?> sampleTask;
    private ScheduledFuture<?> probeTask;

    public StatisticsCollector() {
        this(System::nanoTime, new SocketConnectTimer());
    }

    /**
     * @param clock        monotonic nanoseconds, for the ages of measurements
     * @param connectTimer times the probes
     */
    StatisticsCollector(LongSupplier clock, ConnectTimer connectTimer) {
        this.clock = clock;
        this.connectTimer = connectTimer;
        this.published = new Published(StatisticsSnapshot.empty(), clock.getAsLong());
    }

    @Activate
    void activate(Config config) {
        sampling = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, SAMPLING_THREAD));
        probing = Executors.newSingleThreadScheduledExecutor(runnable -> daemon(runnable, PROBING_THREAD));
        start(CollectorSettings.read(config, CollectorSettings.DEFAULTS));
    }

    /** Starts over with a new sampler: figures kept under other windows or smoothing would not compare. */
    @Modified
    void modified(Config config) {
        start(CollectorSettings.read(config, settings));
    }

    @Deactivate
    void deactivate() {
        sampling.shutdownNow();
        probing.shutdownNow();
    }

    @Reference(name = "monitor", policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "unsetMonitor")
    void setMonitor(InterfaceMonitor service) {
        monitor.set(service);
    }

    void unsetMonitor(InterfaceMonitor service) {
        monitor.compareAndSet(service, null);
    }

    /** Without socket diagnostics, RTT comes from probes and the configuration only. */
    @Reference(name = "diagnostics", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetDiagnostics")
    void setDiagnostics(SocketDiagnostics service) {
        diagnostics.set(service);
    }

    void unsetDiagnostics(SocketDiagnostics service) {
        diagnostics.compareAndSet(service, null);
    }

    @Override
    public StatisticsSnapshot snapshot() {
        Published latest = published;
        long behind = clock.getAsLong() - latest.at();
        if (behind <= LATE_INTERVALS * settings.sampleInterval().toNanos()) {
            return latest.snapshot();
        }
        return latest.snapshot().olderBy(TimeUnit.NANOSECONDS.toMillis(behind));
    }

    private void start(CollectorSettings next) {
        settings = next;
        Sampler sampler = new Sampler(next);
        Prober prober = new Prober(connectTimer, result -> handOver(sampler, result));
        if (sampleTask != null) {
            sampleTask.cancel(false);
        }
        if (probeTask != null) {
            probeTask.cancel(false);
        }
        // Both tasks run on single threads: the old sampler's sample in progress, if any, publishes before the
        // new sampler's first.
        sampleTask = sampling.scheduleWithFixedDelay(() -> sample(sampler), 0, next.sampleInterval().toNanos(),
                TimeUnit.NANOSECONDS);
        probeTask = next.probeTargets().isEmpty() ? null : probing.scheduleWithFixedDelay(() -> probe(prober, next),
                0, next.probeInterval().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void sample(Sampler sampler) {
        InterfaceMonitor interfaces = monitor.get();
        if (interfaces == null) {
            return;
        }
        try {
            long now = clock.getAsLong();
            published = new Published(sampler.sample(interfaces.interfaces(), diagnostics.get(), now), now);
            failures.cleared("sample", "Statistics samples work again");
        } catch (RuntimeException e) {
            // Caught, or the executor would silently cancel every later sample.
            failures.report("sample", "A statistics sample failed (" + e + "); the next one follows as usual");
        }
    }

    private void probe(Prober prober, CollectorSettings current) {
        InterfaceMonitor interfaces = monitor.get();
        if (interfaces == null) {
            return;
        }
        StatisticsSnapshot latest = snapshot();
        try {
            prober.probe(current.probeTargets(), interfaces.interfaces(), name -> isIdle(latest, name),
                    current.probeTimeout());
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "A round of probes failed; the next one follows as usual", e);
        }
    }

    private void handOver(Sampler sampler, ProbeResult result) {
        try {
            sampling.execute(() -> sampler.recordProbe(result, clock.getAsLong()));
        } catch (RejectedExecutionException e) {
            // Deactivated while the probe ran: nobody wants the result any more.
        }
    }

    /** @return whether no connection on the interface moved data lately, so that none gives it a fresh RTT */
    private static boolean isIdle(StatisticsSnapshot snapshot, String interfaceName) {
        return snapshot.of(interfaceName).map(figures -> figures.traffic().activeConnections())
                .filter(Figure::isFresh).map(connections -> connections.value() == 0).orElse(true);
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
