package org.socketintents.lab.topology;

/** A description that cannot be used, with the place of the fault. */
public final class DescriptionException extends Exception {

    private static final long serialVersionUID = 1L;

    public DescriptionException(String source, int line, String message) {
        super(source + ":" + line + ": " + message);
    }

    public DescriptionException(String source, String message) {
        super(source + ": " + message);
    }
}
