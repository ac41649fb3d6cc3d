package org.socketintents.netmon.internal;

import static java.lang.System.Logger.Level.DEBUG;
import static java.lang.System.Logger.Level.ERROR;

import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Modified;

/**
 * One factory configuration of PID {@value #FACTORY_PID}, e.g. the file
 * {@code conf/org.socketintents.netmon.interface-i1.cfg}: checks it and offers the result to the monitor.
 *
 * <p>Keys: {@code name} (the kernel name, required), {@code source} and {@code destination} (true or false; left
 * out, the monitor's rules decide), and any other key/values, which policies read from
 * {@link org.socketintents.api.net.InterfaceDescription#properties()}. A configuration that cannot be used is reported
 * and never offered; a change that cannot be used is reported and the last usable settings stay.
 */
@Component(configurationPid = InterfaceConfiguration.FACTORY_PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = InterfaceConfiguration.class, immediate = true)
public final class InterfaceConfiguration {

    static final String FACTORY_PID = "org.socketintents.netmon.interface";

    private static final System.Logger LOG = System.getLogger(InterfaceConfiguration.class.getName());

    private volatile InterfaceSettings settings;

    @Activate
    void activate(Map<String, Object> properties) {
        apply(properties);
    }

    @Modified
    void modified(Map<String, Object> properties) {
        apply(properties);
    }

    /** @return the last usable settings; empty if the configuration was never usable */
    Optional<InterfaceSettings> settings() {
        return Optional.ofNullable(settings);
    }

    private void apply(Map<String, Object> properties) {
        String origin = ConfigurationOrigin.describe(properties, FACTORY_PID);
        try {
            settings = InterfaceSettings.from(properties, origin);
            LOG.log(DEBUG, "Interface {0} configured by {1}", settings.name(), origin);
        } catch (InvalidSettingException e) {
            InterfaceSettings kept = settings;
            if (kept == null) {
                LOG.log(ERROR, "Ignoring {0}: {1}", origin, e.getMessage());
            } else {
                LOG.log(ERROR, "Keeping the previous settings of interface {0}, {1} is unusable: {2}", kept.name(),
                        origin, e.getMessage());
            }
        }
    }
}
