package org.socketintents.api.policy;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Chooses the source interface, the order of destination addresses and the transport for a connection,
 * from what the application says about it.
 *
 * <p>Register implementations as OSGi services with the service property {@value #NAME} naming the
 * policy; the MAM's configuration says which one is active, and it can be swapped at run time.
 * {@link #decide(DecisionRequest)} is called concurrently from many threads and must be fast: the MAM
 * gives it a time budget (50 ms by default) and answers with the OS default when the policy throws or
 * overruns it.
 */
@ConsumerType
public interface Policy {

    /** Service property: the policy's name, as the configuration and the console refer to it. */
    String NAME = "policy.name";

    /**
     * @param request what the application asked, with its intents and the host's interfaces
     * @return the decision; {@link Decision#osDefault(String)} when the policy has no opinion
     */
    Decision decide(DecisionRequest request);
}
