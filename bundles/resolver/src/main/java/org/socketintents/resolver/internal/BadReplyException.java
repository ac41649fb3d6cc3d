package org.socketintents.resolver.internal;

/** A reply that does not answer the query it claims to, or says that the server failed; the next server is asked. */
final class BadReplyException extends Exception {

    private static final long serialVersionUID = 1L;

    BadReplyException(String message) {
        super(message);
    }
}
