package org.socketintents.mam.internal;

import org.socketintents.api.policy.Policy;

/**
 * The policy that decides a request, captured when the request arrives so that it finishes on that policy
 * even if the operator swaps policies meanwhile.
 *
 * @param name       the configured name
 * @param policy     the service, or null when not even os-default is registered
 * @param configured the name the configuration asks for; differs from {@code name} while that policy is not
 *                   registered and the last good one (or os-default) stands in
 */
record ActivePolicy(String name, Policy policy, String configured) {

    /** @return whether no policy at all is registered to decide (not even os-default) */
    boolean isMissing() {
        return policy == null;
    }

    /** @return whether the policy deciding is the one the configuration asks for */
    boolean isConfigured() {
        return name.equals(configured);
    }
}
