package org.socketintents.netmon.internal;

import java.util.Map;

/** Names a configuration in log messages the way an operator finds it: by PID, and by file if FileInstall read one. */
final class ConfigurationOrigin {

    private static final String SERVICE_PID = "service.pid";
    private static final String FILEINSTALL_FILENAME = "felix.fileinstall.filename";

    private ConfigurationOrigin() {
    }

    /**
     * @param properties the component properties the configuration arrived with
     * @param defaultPid the PID to name when there is no configuration (the component runs on its defaults)
     * @return e.g. {@code configuration org.socketintents.netmon (file:/opt/mam/conf/org.socketintents.netmon.cfg)}
     */
    static String describe(Map<String, ?> properties, String defaultPid) {
        Object pid = properties.get(SERVICE_PID);
        Object file = properties.get(FILEINSTALL_FILENAME);
        String configuration = "configuration " + (pid == null ? defaultPid : pid);
        return file == null ? configuration : configuration + " (" + file + ")";
    }
}
