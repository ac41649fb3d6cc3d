package org.socketintents.netmon.internal;

import java.time.Duration;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.socketintents.api.net.InterfaceListener;
import org.socketintents.api.net.InterfaceMonitor;
import org.socketintents.api.net.Interfaces;

/**
 * The {@link InterfaceMonitor} service: scans the host's interfaces at activation and then on its own thread every
 * {@code scan.interval.ms}, merges them with the interface configurations, and tells the {@link InterfaceListener}s
 * about every change from that thread.
 */
@Component(service = InterfaceMonitor.class, immediate = true, configurationPid = NetworkMonitor.PID)
@Designate(ocd = NetworkMonitor.Config.class)
public final class NetworkMonitor implements InterfaceMonitor {

    static final String PID = "org.socketintents.netmon";
    static final String THREAD_NAME = "socket-intents-netmon";

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final String SERVICE_ID = "service.id";

    @ObjectClassDefinition(name = "Socket Intents interface monitor",
            description = "Which of the host's interfaces the MAM sees and may choose, and how often they are scanned."
                    + " Per-interface figures (bandwidth, RTT, cost, DNS) are configured with the factory PID "
                    + InterfaceConfiguration.FACTORY_PID + ".")
    public @interface Config {

        @AttributeDefinition(name = "Include",
                description = "Globs of the interface names to report (* any characters, ? one character; several"
                        + " per entry separated by commas). Empty reports all.")
        String[] include() default "*";

        @AttributeDefinition(name = "Exclude", required = false,
                description = "Globs of interface names never reported, even when included.")
        String[] exclude() default {};

        @AttributeDefinition(name = "Exclude as source", required = false,
                description = "Globs of interfaces reported but never offered as a source. Loopback interfaces are"
                        + " never sources unless their interface configuration says source=true; an interface"
                        + " configuration's source key overrides this list too.")
        String[] source_exclude() default {};

        @AttributeDefinition(name = "Exclude as destination", required = false,
                description = "Globs of interfaces reported but not used to reach destinations, unless their"
                        + " interface configuration says destination=true.")
        String[] destination_exclude() default {};

        @AttributeDefinition(name = "Scan interval (ms)",
                min = "" + MonitorConfiguration.MIN_SCAN_INTERVAL_MS,
                max = "" + MonitorConfiguration.MAX_SCAN_INTERVAL_MS,
                description = "Time between two scans of the host's interfaces.")
        int scan_interval_ms() default MonitorConfiguration.DEFAULT_SCAN_INTERVAL_MS;
    }

    private final InterfaceListeners listeners = new InterfaceListeners();
    private final ConfiguredInterfaces configured = new ConfiguredInterfaces();
    private final InterfaceTracker tracker;
    private Duration scanInterval = MonitorConfiguration.DEFAULT_SCAN_INTERVAL;
    private volatile MonitorLoop loop;

    public NetworkMonitor() {
        this(new NetworkInterfaceScanner());
    }

    NetworkMonitor(InterfaceScanner scanner) {
        this.tracker = new InterfaceTracker(scanner, configured);
    }

    @Activate
    void activate(Config config, Map<String, Object> properties) {
        apply(config, properties);
        // Scanned before the service is registered, so that the first caller already sees the host's interfaces.
        tracker.poll();
        MonitorLoop started = new MonitorLoop(THREAD_NAME, this::tick, scanInterval);
        started.start();
        loop = started;
    }

    @Modified
    void modified(Config config, Map<String, Object> properties) {
        apply(config, properties);
        loop.interval(scanInterval);
    }

    @Deactivate
    void deactivate() {
        loop.stop(STOP_TIMEOUT);
        loop = null;
    }

    @Override
    public Interfaces interfaces() {
        return tracker.current();
    }

    @Reference(name = "listener", cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removeListener")
    void addListener(InterfaceListener listener) {
        listeners.add(listener);
    }

    void removeListener(InterfaceListener listener) {
        listeners.remove(listener);
    }

    @Reference(name = "interfaceConfiguration", cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            updated = "updatedConfiguration", unbind = "removeConfiguration")
    void addConfiguration(InterfaceConfiguration configuration, Map<String, Object> properties) {
        long serviceId = serviceId(properties);
        configuration.settings().ifPresentOrElse(
                settings -> configured.put(serviceId, settings),
                () -> configured.remove(serviceId));
        configurationChanged();
    }

    /** Called after the configuration's modified method: its settings are the new ones, or the last usable ones. */
    void updatedConfiguration(InterfaceConfiguration configuration, Map<String, Object> properties) {
        addConfiguration(configuration, properties);
    }

    void removeConfiguration(InterfaceConfiguration configuration, Map<String, Object> properties) {
        configured.remove(serviceId(properties));
        configurationChanged();
    }

    private void apply(Config config, Map<String, Object> properties) {
        MonitorConfiguration checked = MonitorConfiguration.read(config,
                ConfigurationOrigin.describe(properties, PID), scanInterval);
        scanInterval = checked.scanInterval();
        tracker.rules(checked.rules());
    }

    private void configurationChanged() {
        tracker.rebuild();
        MonitorLoop running = loop;
        if (running != null) {
            running.wakeUp();
        }
    }

    private void tick() {
        tracker.poll();
        listeners.announce(tracker.current());
    }

    private static long serviceId(Map<String, Object> properties) {
        return (Long) properties.get(SERVICE_ID);
    }
}
