package org.socketintents.policy.earliestarrival.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.TreeSet;

/**
 * The policy's checked configuration (PID {@value EarliestArrivalPolicy#PID}). A value out of range or that does not
 * parse keeps the previous setting (at activation, the default) and is logged.
 *
 * @param model       the transfer model
 * @param setup       the connection setup's round trips
 * @param useMeasured whether measured figures may override configured ones
 */
record ModelSettings(TransferModel model, ConnectionSetup setup, boolean useMeasured) {

    static final int DEFAULT_INITIAL_WINDOW_SEGMENTS = 10;
    static final int DEFAULT_MSS_BYTES = 1448;
    static final int MIN_MSS_BYTES = 88;
    static final int MAX_MSS_BYTES = 65_535;
    static final int MAX_INITIAL_WINDOW_SEGMENTS = 1000;
    static final int DEFAULT_TLS_ROUND_TRIPS = 1;
    static final int MAX_TLS_ROUND_TRIPS = 3;

    static final ModelSettings DEFAULTS = new ModelSettings(
            new TransferModel((long) DEFAULT_INITIAL_WINDOW_SEGMENTS * DEFAULT_MSS_BYTES),
            new ConnectionSetup(Set.of(443, 853, 993, 995), DEFAULT_TLS_ROUND_TRIPS), true);

    private static final Logger LOG = System.getLogger(ModelSettings.class.getName());

    /**
     * @param config   the configuration as SCR passes it
     * @param previous the settings in force
     * @return the new settings
     */
    static ModelSettings read(EarliestArrivalPolicy.Config config, ModelSettings previous) {
        long initialWindow = previous.model().initialWindowBytes();
        int segments = config.initial_window_segments();
        int mss = config.mss_bytes();
        if (segments < 1 || segments > MAX_INITIAL_WINDOW_SEGMENTS) {
            rejected("initial.window.segments", segments + " is out of 1.." + MAX_INITIAL_WINDOW_SEGMENTS,
                    initialWindow + " bytes");
        } else if (mss < MIN_MSS_BYTES || mss > MAX_MSS_BYTES) {
            rejected("mss.bytes", mss + " is out of " + MIN_MSS_BYTES + ".." + MAX_MSS_BYTES,
                    initialWindow + " bytes");
        } else {
            initialWindow = (long) segments * mss;
        }
        int tlsRoundTrips = config.tls_round_trips();
        if (tlsRoundTrips < 0 || tlsRoundTrips > MAX_TLS_ROUND_TRIPS) {
            rejected("tls.round.trips", tlsRoundTrips + " is out of 0.." + MAX_TLS_ROUND_TRIPS,
                    previous.setup().tlsRoundTrips());
            tlsRoundTrips = previous.setup().tlsRoundTrips();
        }
        return new ModelSettings(new TransferModel(initialWindow),
                new ConnectionSetup(tlsPorts(config.tls_ports(), previous.setup().tlsPorts()), tlsRoundTrips),
                config.use_measured());
    }

    /** @return the ports; a configuration file may give several in one entry, comma-separated */
    private static Set<Integer> tlsPorts(String[] values, Set<Integer> previous) {
        Set<Integer> ports = new TreeSet<>();
        for (String value : values) {
            for (String entry : value.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                try {
                    int port = Integer.parseInt(entry.trim());
                    if (port < 1 || port > 0xFFFF) {
                        throw new NumberFormatException("out of 1..65535");
                    }
                    ports.add(port);
                } catch (NumberFormatException e) {
                    rejected("tls.ports", "'" + entry.trim() + "' is not a port", previous);
                    return previous;
                }
            }
        }
        return ports;
    }

    private static void rejected(String key, String why, Object keeping) {
        LOG.log(Level.ERROR, "Configuration " + EarliestArrivalPolicy.PID + ": " + key + ": " + why + "; keeping "
                + keeping);
    }
}
