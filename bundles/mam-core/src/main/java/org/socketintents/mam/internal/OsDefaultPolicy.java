package org.socketintents.mam.internal;

import org.osgi.service.component.annotations.Component;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.DecisionRequest;
import org.socketintents.api.policy.Policy;

/**
 * The policy with no opinion: the operating system chooses, as without Socket Intents. Built into the MAM
 * so that it is there even when every policy bundle is gone.
 */
@Component(property = Policy.NAME + "=" + OsDefaultPolicy.NAME)
public final class OsDefaultPolicy implements Policy {

    static final String NAME = "os-default";

    private static final Decision DECISION = Decision.builder()
            .reason("os-default policy: the operating system chooses").reusable(true).build();

    @Override
    public Decision decide(DecisionRequest request) {
        return DECISION;
    }
}
