package org.socketintents.policy.roundrobin.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.DecisionRequest;
import org.socketintents.api.policy.Policy;
import org.socketintents.api.policy.RequestKind;

/**
 * The paper's application-unaware baseline (Scenario 2): each connection takes the next usable interface in turn,
 * whatever its intents. Turns are counted per connect only, so that name resolutions do not skew the alternation.
 */
@Component(configurationPid = RoundRobinPolicy.PID, property = Policy.NAME + "=round-robin")
@Designate(ocd = RoundRobinPolicy.Config.class)
public final class RoundRobinPolicy implements Policy {

    static final String PID = "org.socketintents.policy.roundrobin";

    @ObjectClassDefinition(id = PID, name = "Socket Intents round-robin policy",
            description = "Gives each connection the next usable interface in turn, ignoring intents: the paper's"
                    + " application-unaware baseline.")
    public @interface Config {
        @AttributeDefinition(name = "Interfaces", required = false,
                description = "Comma-separated interface names to rotate over, in this order; a name that is absent"
                        + " or not usable at the time of a connection is skipped. Empty: every usable source"
                        + " interface, in the kernel's order.")
        String interfaces() default "";
    }

    private final AtomicLong turns = new AtomicLong();
    private volatile List<String> configured = List.of();

    @Activate
    void activate(Config config) {
        configured = Arrays.stream(config.interfaces().split(",")).map(String::trim).filter(name -> !name.isEmpty())
                .distinct().collect(Collectors.toUnmodifiableList());
    }

    /** Keeps the turn counter: a new list of names continues the rotation rather than restarting it. */
    @Modified
    void modified(Config config) {
        activate(config);
    }

    @Override
    public Decision decide(DecisionRequest request) {
        if (request.kind() == RequestKind.RESOLVE) {
            return Decision.osDefault("round-robin chooses per connection; name resolution left to the OS");
        }
        Optional<Decision> bound = Decision.keepingBoundSource(request, "round-robin");
        if (bound.isPresent()) {
            return bound.get();
        }
        List<String> names = configured;
        List<InterfaceDescription> rotation = rotation(request.interfaces(), names);
        if (rotation.isEmpty()) {
            return Decision.osDefault("round-robin: no usable interface" + (names.isEmpty() ? "" : " among " + names));
        }
        long turn = turns.getAndIncrement();
        String chosen = rotation.get(Math.floorMod(turn, rotation.size())).name();
        return Decision.builder().sourceInterface(chosen)
                .reason("round-robin turn " + turn + " over " + rotation.stream().map(InterfaceDescription::name)
                        .collect(Collectors.toList()) + " -> interface " + chosen)
                .build();
    }

    private static List<InterfaceDescription> rotation(Interfaces interfaces, List<String> names) {
        if (names.isEmpty()) {
            return interfaces.sourceCandidates();
        }
        List<InterfaceDescription> usable = new ArrayList<>(names.size());
        for (String name : names) {
            interfaces.named(name).filter(InterfaceDescription::isUsableAsSource).ifPresent(usable::add);
        }
        return usable;
    }
}
