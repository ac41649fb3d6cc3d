/**
 * The policy service interface: for each getaddrinfo (RESOLVE) or connect (CONNECT) of an intent-aware
 * application, the MAM hands the active {@link org.socketintents.api.policy.Policy} a
 * {@link org.socketintents.api.policy.DecisionRequest} and sends its
 * {@link org.socketintents.api.policy.Decision} back to the application.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.socketintents.api.policy;
