package org.socketintents.api.policy;

import java.util.Set;

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

    /**
     * While a RESOLVE is still collecting answers from several interfaces (section 3.3 of the paper: "once the
     * policy deems that it has sufficient information the resolving step can be aborted"), says whether the
     * answers so far are enough. Called after each interface answers; must be as quick as {@link #decide}.
     *
     * <p>The default: enough once the interface this policy would choose for the request has answered, or when
     * the policy chooses no interface and some answer has arrived.
     *
     * @param answersSoFar the request, its destinations being the addresses learned so far, each tagged with its
     *                     interface
     * @param pending      the interfaces whose resolvers have not answered yet
     * @return true to stop waiting for the pending interfaces
     */
    default boolean isResolutionComplete(DecisionRequest answersSoFar, Set<String> pending) {
        if (pending.isEmpty()) {
            return true;
        }
        return decide(answersSoFar).sourceInterface()
                .map(chosen -> !pending.contains(chosen))
                .orElse(!answersSoFar.destinations().isEmpty());
    }
}
