package org.socketintents.itests.osgi;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.function.Predicate;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.socketintents.api.Intents;
import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.InterfaceMonitor;
import org.socketintents.protocol.ConnectRequest;
import org.socketintents.protocol.DecisionReply;

/**
 * Configures the MAM and the interface monitor under test through Configuration Admin, as an operator's
 * configuration files would, and waits until each change shows in the MAM's answers.
 */
final class MamControl {

    static final String MAM_PID = "org.socketintents.mam";
    static final String INTERFACE_FACTORY_PID = "org.socketintents.netmon.interface";
    /** The configurations are for the Socket Intents bundles, not for the test bundle that writes them. */
    private static final String ANY_LOCATION = "?";
    private static final InetSocketAddress SOME_DESTINATION = new InetSocketAddress(InetAddress.getLoopbackAddress(), 80);

    private final ConfigurationAdmin configurationAdmin;
    private Path socket;

    MamControl(ConfigurationAdmin configurationAdmin) {
        this.configurationAdmin = configurationAdmin;
    }

    /**
     * Moves the MAM to a new socket with a policy, and waits until it answers there with that policy.
     *
     * @return the socket
     */
    Path listen(Path socket, String policy) throws IOException, InterruptedException {
        updateMam(Map.of("socket.path", socket.toString(), "policy", policy));
        this.socket = socket;
        awaitDecision("the MAM answers on " + socket + " with policy " + policy, reply -> reply.policy().equals(policy));
        return socket;
    }

    /** Sets the MAM's {@code policy} key, as {@code mam:policy <name>} or an edited mam.cfg would. */
    void configurePolicy(String policy) throws IOException {
        updateMam(Map.of("policy", policy));
    }

    /**
     * Asks the MAM for decisions on a fresh connection until one satisfies {@code done}.
     *
     * @return that decision
     */
    DecisionReply awaitDecision(String what, Predicate<DecisionReply> done) throws InterruptedException {
        return Eventually.await(what, () -> {
            try (MamClient client = MamClient.connect(socket)) {
                return (DecisionReply) client.exchange(new ConnectRequest(1, SOME_DESTINATION, null, null, Intents.none()));
            }
        }, done);
    }

    /**
     * Writes the factory configuration of one interface, as a conf/org.socketintents.netmon.interface-name.cfg
     * file would, and waits until the interface monitor reports the interface with it.
     *
     * @return the configuration, for the test to delete
     */
    Configuration configureInterface(InterfaceMonitor monitor, String name, Map<String, String> properties,
                                     Predicate<InterfaceDescription> applied) throws IOException, InterruptedException {
        Configuration configuration = configurationAdmin.getFactoryConfiguration(INTERFACE_FACTORY_PID, name,
                ANY_LOCATION);
        Dictionary<String, Object> values = new Hashtable<>(properties);
        values.put("name", name);
        configuration.update(values);
        Eventually.await("the interface monitor reports " + name + " as configured",
                () -> monitor.interfaces().named(name).orElse(null), d -> d != null && applied.test(d));
        return configuration;
    }

    private void updateMam(Map<String, String> changes) throws IOException {
        Configuration configuration = configurationAdmin.getConfiguration(MAM_PID, ANY_LOCATION);
        Dictionary<String, Object> values = configuration.getProperties();
        if (values == null) {
            values = new Hashtable<>();
        }
        for (Map.Entry<String, String> change : changes.entrySet()) {
            values.put(change.getKey(), change.getValue());
        }
        configuration.update(values);
    }
}
