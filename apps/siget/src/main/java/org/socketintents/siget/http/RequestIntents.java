package org.socketintents.siget.http;

import org.apache.hc.core5.http.protocol.HttpContext;
import org.socketintents.api.Intents;

/**
 * Carries a request's intents through HttpClient: its route planner and connection operator are shared by all
 * requests, so the intents of the one at hand travel in the request's context.
 */
public final class RequestIntents {

    private static final String ATTRIBUTE = RequestIntents.class.getName();

    private RequestIntents() {
    }

    /**
     * @param context the request's context
     * @param intents the intents of the request's connection
     */
    public static void set(HttpContext context, Intents intents) {
        context.setAttribute(ATTRIBUTE, intents);
    }

    /**
     * @param context a request's context
     * @return the intents set on it; none when it carries no intents
     */
    public static Intents of(HttpContext context) {
        Object intents = context.getAttribute(ATTRIBUTE);
        return intents instanceof Intents ? (Intents) intents : Intents.none();
    }
}
