package org.socketintents.testing;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.util.Map;

/** Component property types (the {@code @interface Config} of a DS component) built as SCR builds them. */
public final class ComponentConfigs {

    private ComponentConfigs() {
    }

    /**
     * @param type   the component property type
     * @param values properties by configuration key, e.g. {@code scan.interval.ms} for method
     *               {@code scan_interval_ms()} (DS maps {@code _} to {@code .}); a RuntimeException as a value is
     *               thrown by the accessor, as SCR does for a value it cannot convert
     * @param <A>    the type
     * @return the configuration, with the annotation's defaults for the keys not given
     */
    public static <A extends Annotation> A of(Class<A> type, Map<String, ?> values) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return type;
                    }
                    String key = method.getName().replace("__", "\u0000").replace('_', '.').replace('\u0000', '_')
                            .replace("$", "");
                    if (!values.containsKey(key)) {
                        return method.getDefaultValue();
                    }
                    Object value = values.get(key);
                    if (value instanceof RuntimeException) {
                        throw (RuntimeException) value;
                    }
                    return value;
                }));
    }
}
