package org.socketintents.mam.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Builds {@link MamConfig} instances as DS would: annotation defaults, overridden per test. */
final class TestConfigs {

    private TestConfigs() {
    }

    /**
     * @param overrides values by method name, e.g. {@code "policy_budget_ms" -> 20}; a {@link RuntimeException}
     *                  is thrown by its method instead, as DS does for a configured text it cannot convert
     */
    static MamConfig mam(Map<String, Object> overrides) {
        return (MamConfig) Proxy.newProxyInstance(MamConfig.class.getClassLoader(), new Class<?>[] {MamConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return MamConfig.class;
                    }
                    Object value = overrides.get(method.getName());
                    if (value instanceof RuntimeException) {
                        throw (RuntimeException) value;
                    }
                    return value != null ? value : method.getDefaultValue();
                });
    }
}
