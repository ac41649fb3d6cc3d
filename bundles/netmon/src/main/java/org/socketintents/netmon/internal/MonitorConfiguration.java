package org.socketintents.netmon.internal;

import static java.lang.System.Logger.Level.ERROR;

import java.time.Duration;

/**
 * The monitor's own configuration, checked.
 *
 * @param rules        which interfaces to report, and their default roles
 * @param scanInterval the time between two scans
 */
record MonitorConfiguration(SelectionRules rules, Duration scanInterval) {

    static final String SCAN_INTERVAL = "scan.interval.ms";
    static final int DEFAULT_SCAN_INTERVAL_MS = 250;
    static final int MIN_SCAN_INTERVAL_MS = 10;
    static final int MAX_SCAN_INTERVAL_MS = 60_000;
    static final Duration DEFAULT_SCAN_INTERVAL = Duration.ofMillis(DEFAULT_SCAN_INTERVAL_MS);

    private static final System.Logger LOG = System.getLogger(MonitorConfiguration.class.getName());

    /**
     * @param config           the configuration as DS passes it
     * @param origin           how to name the configuration in messages
     * @param previousInterval the interval to keep if the configured one is unusable
     * @return the checked configuration
     */
    static MonitorConfiguration read(NetworkMonitor.Config config, String origin, Duration previousInterval) {
        SelectionRules rules = new SelectionRules(NamePatterns.of(config.include()), NamePatterns.of(config.exclude()),
                NamePatterns.of(config.source_exclude()), NamePatterns.of(config.destination_exclude()));
        Duration interval;
        try {
            interval = Duration.ofMillis(scanIntervalMillis(config));
        } catch (InvalidSettingException e) {
            LOG.log(ERROR, "{0}: {1}; keeping a scan interval of {2} ms", origin, e.getMessage(),
                    previousInterval.toMillis());
            interval = previousInterval;
        }
        return new MonitorConfiguration(rules, interval);
    }

    private static int scanIntervalMillis(NetworkMonitor.Config config) throws InvalidSettingException {
        int millis;
        try {
            millis = config.scan_interval_ms();
        } catch (RuntimeException e) {
            // SCR converts a configured value when the accessor is called, and throws if it is not a number.
            throw new InvalidSettingException(SCAN_INTERVAL, "not a number of milliseconds (" + e.getMessage() + ")");
        }
        if (millis < MIN_SCAN_INTERVAL_MS || millis > MAX_SCAN_INTERVAL_MS) {
            throw new InvalidSettingException(SCAN_INTERVAL, "must be between " + MIN_SCAN_INTERVAL_MS + " and "
                    + MAX_SCAN_INTERVAL_MS + ", got " + millis);
        }
        return millis;
    }
}
