package org.socketintents.mam.internal;

import org.socketintents.api.policy.Policy;

/**
 * The policy that decides a request, captured when the request arrives so that it finishes on that policy
 * even if the operator swaps policies meanwhile.
 *
 * @param name       the configured name
 * @param policy     the service, or null when no policy of that name is registered
 * @param configured the name the configuration asks for (differs from name while it is missing)
 */
record ActivePolicy(String name, Policy policy, String configured) {

    /** @return whether the configured policy is not registered, so the OS default answers instead */
    boolean isMissing() {
        return policy == null || !name.equals(configured);
    }
}
