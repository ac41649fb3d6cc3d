package org.socketintents.mam.internal;

import java.lang.reflect.Proxy;
import java.util.Map;

/** Builds {@link MamConfig} instances as DS would: annotation defaults, overridden per test. */
final class TestConfigs {

    private TestConfigs() {
    }

    /**
     * @param overrides values by method name, e.g. {@code "policy_budget_ms" -> 20}
     */
    static MamConfig mam(Map<String, Object> overrides) {
        return (MamConfig) Proxy.newProxyInstance(MamConfig.class.getClassLoader(), new Class<?>[] {MamConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return MamConfig.class;
                    }
                    Object value = overrides.get(method.getName());
                    return value != null ? value : method.getDefaultValue();
                });
    }
}
