package org.socketintents.siget.http;

import java.util.Optional;

import org.apache.hc.core5.http.protocol.HttpContext;
import org.socketintents.api.policy.Decision;

/**
 * Carries the decision a route was planned by to the connect that opens a connection for it, in the request's
 * context, so that the socket follows that decision instead of asking the MAM a second time.
 */
final class RouteDecision {

    private static final String ATTRIBUTE = RouteDecision.class.getName();

    private RouteDecision() {
    }

    static void remember(HttpContext context, Decision decision) {
        context.setAttribute(ATTRIBUTE, decision);
    }

    /** @return the decision the request's route was planned by; empty when none was planned */
    static Optional<Decision> of(HttpContext context) {
        Object decision = context.getAttribute(ATTRIBUTE);
        return decision instanceof Decision ? Optional.of((Decision) decision) : Optional.empty();
    }
}
