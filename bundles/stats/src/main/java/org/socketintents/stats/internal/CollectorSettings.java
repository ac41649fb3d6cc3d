package org.socketintents.stats.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The collector's checked configuration (PID {@value StatisticsCollector#PID}). A value that is out of range or does
 * not parse keeps the previous setting (at activation, the default) and is logged; a bad probe target is left out.
 *
 * @param sampleInterval    time between two samples
 * @param windows           windows for rate peaks, shortest first; the longest also bounds the minimum RTT
 * @param smoothing         time constant of the moving averages
 * @param staleAfter        age beyond which a measurement is stale
 * @param probeTargets      where to probe idle interfaces
 * @param probeInterval     time between two rounds of probes
 * @param probeTimeout      how long one probe may take
 * @param countersDirectory where the interfaces' byte counters are
 */
record CollectorSettings(Duration sampleInterval, List<Duration> windows, Duration smoothing, Duration staleAfter,
                         List<ProbeTarget> probeTargets, Duration probeInterval, Duration probeTimeout,
                         Path countersDirectory) {

    static final int DEFAULT_SAMPLE_INTERVAL_MS = 250;
    static final int MIN_SAMPLE_INTERVAL_MS = 10;
    static final int MAX_SAMPLE_INTERVAL_MS = 60_000;
    static final int MAX_WINDOW_MS = 3_600_000;
    static final int DEFAULT_SMOOTHING_MS = 1000;
    static final int DEFAULT_STALE_AFTER_MS = 10_000;
    static final int DEFAULT_PROBE_INTERVAL_MS = 10_000;
    static final int MIN_PROBE_INTERVAL_MS = 100;
    static final int DEFAULT_PROBE_TIMEOUT_MS = 2000;
    static final String DEFAULT_COUNTERS_DIRECTORY = "/sys/class/net";

    static final CollectorSettings DEFAULTS = new CollectorSettings(Duration.ofMillis(DEFAULT_SAMPLE_INTERVAL_MS),
            List.of(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofSeconds(60)),
            Duration.ofMillis(DEFAULT_SMOOTHING_MS), Duration.ofMillis(DEFAULT_STALE_AFTER_MS), List.of(),
            Duration.ofMillis(DEFAULT_PROBE_INTERVAL_MS), Duration.ofMillis(DEFAULT_PROBE_TIMEOUT_MS),
            Path.of(DEFAULT_COUNTERS_DIRECTORY));

    private static final Logger LOG = System.getLogger(CollectorSettings.class.getName());

    CollectorSettings {
        windows = List.copyOf(windows);
        probeTargets = List.copyOf(probeTargets);
    }

    /** @return the longest window */
    Duration longestWindow() {
        return windows.get(windows.size() - 1);
    }

    /**
     * @param config   the configuration as SCR passes it
     * @param previous the settings in force
     * @return the new settings
     */
    static CollectorSettings read(StatisticsCollector.Config config, CollectorSettings previous) {
        return new CollectorSettings(
                millis("sample.interval.ms", config::sample_interval_ms, MIN_SAMPLE_INTERVAL_MS,
                        MAX_SAMPLE_INTERVAL_MS, previous.sampleInterval()),
                windows(config, previous.windows()),
                millis("smoothing.ms", config::smoothing_ms, 1, MAX_WINDOW_MS, previous.smoothing()),
                millis("stale.after.ms", config::stale_after_ms, 1, MAX_WINDOW_MS, previous.staleAfter()),
                probeTargets(config),
                millis("probe.interval.ms", config::probe_interval_ms, MIN_PROBE_INTERVAL_MS, MAX_WINDOW_MS,
                        previous.probeInterval()),
                millis("probe.timeout.ms", config::probe_timeout_ms, 1, MAX_SAMPLE_INTERVAL_MS,
                        previous.probeTimeout()),
                directory(config, previous.countersDirectory()));
    }

    private static Duration millis(String key, Supplier<Integer> value, int min, int max, Duration previous) {
        try {
            int millis = value.get();
            if (millis < min || millis > max) {
                return rejected(key, millis + " is out of " + min + ".." + max, previous);
            }
            return Duration.ofMillis(millis);
        } catch (RuntimeException e) {
            return rejected(key, e.getMessage(), previous);
        }
    }

    private static List<Duration> windows(StatisticsCollector.Config config, List<Duration> previous) {
        TreeSet<Duration> windows = new TreeSet<>();
        for (String millis : entries(config.windows_ms())) {
            int value;
            try {
                value = Integer.parseInt(millis);
            } catch (NumberFormatException e) {
                return rejected("windows.ms", "'" + millis + "' is not a number of milliseconds", previous);
            }
            if (value < 1 || value > MAX_WINDOW_MS) {
                return rejected("windows.ms", value + " is out of 1.." + MAX_WINDOW_MS, previous);
            }
            windows.add(Duration.ofMillis(value));
        }
        return windows.isEmpty() ? rejected("windows.ms", "no window", previous) : List.copyOf(windows);
    }

    private static List<ProbeTarget> probeTargets(StatisticsCollector.Config config) {
        List<ProbeTarget> targets = new ArrayList<>();
        for (String entry : entries(config.probe_targets())) {
            try {
                targets.add(ProbeTarget.parse(entry));
            } catch (IllegalArgumentException e) {
                LOG.log(Level.ERROR, "Configuration " + StatisticsCollector.PID + ": probe.targets: " + e.getMessage()
                        + "; this target is left out");
            }
        }
        return targets;
    }

    /** @return the values of a list property: a configuration file may give several in one, comma-separated */
    private static List<String> entries(String[] values) {
        List<String> entries = new ArrayList<>();
        for (String value : values) {
            for (String entry : value.split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.trim());
                }
            }
        }
        return entries;
    }

    private static Path directory(StatisticsCollector.Config config, Path previous) {
        try {
            return Path.of(config.counters_directory());
        } catch (InvalidPathException e) {
            return rejected("counters.directory", e.getMessage(), previous);
        }
    }

    private static <T> T rejected(String key, String why, T previous) {
        LOG.log(Level.ERROR, "Configuration " + StatisticsCollector.PID + ": " + key + ": " + why + "; keeping "
                + previous);
        return previous;
    }
}
