package org.socketintents.resolver.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

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
        return (ResolverService.Config) Proxy.newProxyInstance(ResolverService.Config.class.getClassLoader(),
                new Class<?>[] {ResolverService.Config.class}, (proxy, method, args) -> {
                    String key = method.getName().replace('_', '.');
                    if (!values.containsKey(key)) {
                        return method.getDefaultValue();
                    }
                    Object value = values.get(key);
                    if (value instanceof RuntimeException) {
                        throw (RuntimeException) value;
                    }
                    return value;
                });
    }
}
