package org.socketintents.siget.http;

import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Remembers in a request's context that a connection was opened for it, which tells a new connection from a
 * kept-alive one the pool handed out.
 */
final class NewConnections {

    private static final String ATTRIBUTE = NewConnections.class.getName();

    private NewConnections() {
    }

    static void mark(HttpContext context) {
        context.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    static boolean opened(HttpContext context) {
        return Boolean.TRUE.equals(context.getAttribute(ATTRIBUTE));
    }
}
