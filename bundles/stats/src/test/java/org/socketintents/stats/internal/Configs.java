package org.socketintents.stats.internal;

import java.util.Map;

import org.socketintents.testing.ComponentConfigs;

/** Configuration objects as SCR builds them from component properties. */
final class Configs {

    private Configs() {
    }

    /**
     * @param values component properties by their configuration key (e.g. {@code sample.interval.ms}); the
     *               annotation's defaults for the keys not given
     */
    static StatisticsCollector.Config collector(Map<String, Object> values) {
        return ComponentConfigs.of(StatisticsCollector.Config.class, values);
    }
}
