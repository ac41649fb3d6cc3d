package org.socketintents.resolver.internal;

/** No server of an interface gave a valid reply; the message says what each did. */
final class LookupFailedException extends Exception {

    private static final long serialVersionUID = 1L;

    LookupFailedException(String message) {
        super(message);
    }
}
