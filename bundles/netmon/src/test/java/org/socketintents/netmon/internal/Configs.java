package org.socketintents.netmon.internal;

import java.util.HashMap;
import java.util.Map;

import org.socketintents.testing.ComponentConfigs;

/** Configuration objects as SCR builds them from component properties. */
final class Configs {

    private Configs() {
    }

    /**
     * @param values component properties by their configuration key (e.g. {@code scan.interval.ms})
     * @return the configuration, with the annotation's defaults for the keys not given
     */
    static NetworkMonitor.Config monitor(Map<String, Object> values) {
        return ComponentConfigs.of(NetworkMonitor.Config.class, values);
    }

    /** @return the properties a FileInstall-made factory configuration arrives with, plus {@code values} */
    static Map<String, Object> interfaceFile(String label, Map<String, Object> values) {
        Map<String, Object> properties = new HashMap<>(values);
        properties.put("service.pid", InterfaceConfiguration.FACTORY_PID + "~" + label);
        properties.put("service.factoryPid", InterfaceConfiguration.FACTORY_PID);
        properties.put("felix.fileinstall.filename",
                "file:/opt/mam/conf/" + InterfaceConfiguration.FACTORY_PID + "-" + label + ".cfg");
        properties.put("component.name", InterfaceConfiguration.class.getName());
        properties.put("component.id", 7L);
        properties.put("osgi.ds.satisfying.condition.target", "(osgi.condition.id=true)");
        return properties;
    }
}
