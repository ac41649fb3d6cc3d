package org.socketintents.policy.fixed.internal;

import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.DecisionRequest;
import org.socketintents.api.policy.Policy;

/**
 * Pins every connection to one interface, whatever its intents: the paper's "interface i1 only" and "interface i2
 * only" baselines. When that interface cannot be used, the operating system chooses rather than the connection
 * failing.
 */
@Component(configurationPid = FixedPolicy.PID, property = Policy.NAME + "=fixed")
@Designate(ocd = FixedPolicy.Config.class)
public final class FixedPolicy implements Policy {

    static final String PID = "org.socketintents.policy.fixed";

    @ObjectClassDefinition(id = PID, name = "Socket Intents fixed-interface policy",
            description = "Sends every connection over one configured interface, ignoring intents: the paper's"
                    + " single-interface baselines.")
    public @interface Config {
        /** The trailing {@code $} maps this method to the key {@code interface}, a Java keyword (OSGi DS 112.8.2). */
        @AttributeDefinition(name = "Interface", required = false,
                description = "Name of the interface every connection uses, e.g. i1. Empty: no pinning, the"
                        + " operating system chooses.")
        String interface$() default "";
    }

    private volatile String pinned = "";

    @Activate
    void activate(Config config) {
        pinned = config.interface$().trim();
    }

    @Modified
    void modified(Config config) {
        activate(config);
    }

    @Override
    public Decision decide(DecisionRequest request) {
        Optional<Decision> bound = Decision.keepingBoundSource(request, "fixed");
        if (bound.isPresent()) {
            return bound.get();
        }
        String name = pinned;
        if (name.isEmpty()) {
            return Decision.builder().reason("fixed: no interface configured (key interface of " + PID + ")")
                    .reusable(true).build();
        }
        Optional<InterfaceDescription> named = request.interfaces().named(name);
        if (named.isEmpty() || !named.get().isUsableAsSource()) {
            return Decision.builder().reason("fixed: interface " + name + " is not usable (" + whyNot(named) + ")")
                    .reusable(true).build();
        }
        return Decision.builder().sourceInterface(name).reason("fixed: every connection on interface " + name)
                .reusable(true).build();
    }

    private static String whyNot(Optional<InterfaceDescription> named) {
        if (named.isEmpty()) {
            return "no such interface";
        }
        return named.get().isUp() ? "not enabled as a source or without an address" : "down";
    }
}
