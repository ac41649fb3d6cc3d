package org.socketintents.resolver.internal;

import java.util.Map;

import org.socketintents.testing.ComponentConfigs;

/** Configuration objects as SCR builds them from component properties. */
final class Configs {

    private Configs() {
    }

    /**
     * @param values component properties by their configuration key (e.g. {@code timeout.ms}); a RuntimeException as
     *               value is thrown by the accessor, as SCR does for a value it cannot convert
     * @return the configuration, with the annotation's defaults for the keys not given
     */
    static ResolverService.Config resolver(Map<String, Object> values) {
        return ComponentConfigs.of(ResolverService.Config.class, values);
    }
}
