package org.socketintents.mam.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.socketintents.api.policy.Policy;

/**
 * Tracks every registered {@link Policy} by name and which one the configuration makes active. Swapping is a
 * single volatile write: requests already running keep the policy they started with. Once the active policy is
 * another one, or its service properties change (DS updates them when the policy's configuration changes), the
 * {@link DecisionEpoch} advances, so that clients stop reusing its earlier decisions.
 */
@Component(service = PolicyRegistry.class, configurationPid = MamConfig.PID)
@Designate(ocd = MamConfig.class)
public final class PolicyRegistry {

    private static final Logger LOG = System.getLogger(PolicyRegistry.class.getName());

    private final Map<String, Policy> byName = new ConcurrentHashMap<>();
    private volatile String configured = OsDefaultPolicy.NAME;
    /** Logging of changes happens only between activate and deactivate: DS binds and unbinds around those. */
    private boolean running;
    private volatile ActivePolicy active = new ActivePolicy(OsDefaultPolicy.NAME, null, OsDefaultPolicy.NAME);

    private volatile DecisionEpoch epoch;

    @Activate
    synchronized void activate(MamConfig config) {
        configure(config.policy().trim());
        running = true;
        refresh();
        LOG.log(Level.INFO, "Active policy: '" + active.name() + "'" + (active.isConfigured() ? ""
                : " (configured '" + configured + "' is not available yet)"));
    }

    @Deactivate
    synchronized void deactivate() {
        running = false;
    }

    @Modified
    void modified(MamConfig config) {
        configure(config.policy().trim());
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setEpoch(DecisionEpoch epoch) {
        this.epoch = epoch;
    }

    void unsetEpoch(DecisionEpoch gone) {
        if (epoch == gone) {
            epoch = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "removePolicy", updated = "updatedPolicy")
    void addPolicy(Policy policy, Map<String, Object> properties) {
        String name = nameOf(properties);
        if (name == null) {
            LOG.log(Level.WARNING, "Ignoring a Policy service without a " + Policy.NAME + " property: " + policy);
            return;
        }
        Policy previous = byName.putIfAbsent(name, policy);
        if (previous != null) {
            LOG.log(Level.WARNING, "Two Policy services are named '" + name + "'; keeping the first");
            return;
        }
        if (running) {
            LOG.log(Level.INFO, "Policy '" + name + "' is available");
        }
        refresh();
    }

    void updatedPolicy(Policy policy, Map<String, Object> properties) {
        if (policy == active.policy()) {
            advanceEpoch("policy '" + active.name() + "' was reconfigured");
        }
    }

    void removePolicy(Policy policy, Map<String, Object> properties) {
        String name = nameOf(properties);
        if (name != null && byName.remove(name, policy)) {
            if (running) {
                LOG.log(Level.INFO, "Policy '" + name + "' is gone");
            }
            refresh();
        }
    }

    private static String nameOf(Map<String, Object> properties) {
        Object name = properties.get(Policy.NAME);
        return name instanceof String && !((String) name).isBlank() ? ((String) name).trim() : null;
    }

    private synchronized void configure(String name) {
        String wanted = name.isEmpty() ? OsDefaultPolicy.NAME : name;
        if (running && !wanted.equals(configured)) {
            LOG.log(Level.INFO, "Configured policy: '" + wanted + "' (was '" + configured + "')");
        }
        configured = wanted;
        refresh();
    }

    /**
     * Chooses the active policy: the configured one when it is registered; otherwise the last active policy if
     * it is still registered (an unknown name must not throw away a working policy); otherwise os-default.
     */
    private synchronized void refresh() {
        ActivePolicy before = active;
        Policy configuredPolicy = byName.get(configured);
        ActivePolicy after;
        if (configuredPolicy != null) {
            after = new ActivePolicy(configured, configuredPolicy, configured);
        } else if (before.policy() != null && byName.get(before.name()) == before.policy()) {
            after = new ActivePolicy(before.name(), before.policy(), configured);
        } else {
            after = new ActivePolicy(OsDefaultPolicy.NAME, byName.get(OsDefaultPolicy.NAME), configured);
        }
        active = after;
        if (before.policy() != after.policy()) {
            advanceEpoch("active policy '" + after.name() + "'");
        }
        if (!running) {
            return;
        }
        if (configuredPolicy != null) {
            if (before.policy() != configuredPolicy) {
                LOG.log(Level.INFO, "Active policy: '" + configured + "'");
            }
        } else if (before.policy() != after.policy() || !before.configured().equals(configured)) {
            LOG.log(Level.WARNING, "Policy '" + configured + "' is not available; '" + after.name()
                    + "' decides until it is (available: " + names().keySet() + ")");
        }
    }

    private void advanceEpoch(String why) {
        DecisionEpoch current = epoch;
        if (current != null) {
            current.advance(why);
        }
    }

    /** @return the policy that decides requests arriving now */
    public ActivePolicy active() {
        return active;
    }

    /**
     * @param name a policy name
     * @return the policy of that name as an {@link ActivePolicy}, or null when there is none
     */
    public ActivePolicy named(String name) {
        Policy policy = byName.get(name);
        return policy == null ? null : new ActivePolicy(name, policy, name);
    }

    /** @return the configured policy name, whether or not it is available */
    public String configured() {
        return configured;
    }

    /** @return the registered policies by name, sorted */
    public SortedMap<String, Policy> names() {
        return new TreeMap<>(byName);
    }
}
