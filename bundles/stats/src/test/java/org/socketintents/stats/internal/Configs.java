package org.socketintents.stats.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Configuration objects as SCR builds them from component properties. */
final class Configs {

    private Configs() {
    }

    /**
     * @param values component properties by their configuration key (e.g. {@code sample.interval.ms}); the
     *               annotation's defaults for the keys not given
     */
    static StatisticsCollector.Config collector(Map<String, Object> values) {
        return (StatisticsCollector.Config) Proxy.newProxyInstance(StatisticsCollector.Config.class.getClassLoader(),
                new Class<?>[] {StatisticsCollector.Config.class}, (proxy, method, args) -> {
                    String key = method.getName().replace('_', '.');
                    return values.containsKey(key) ? values.get(key) : method.getDefaultValue();
                });
    }
}
