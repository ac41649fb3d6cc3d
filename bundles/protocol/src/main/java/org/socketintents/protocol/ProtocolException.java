package org.socketintents.protocol;

/** A frame that breaks the protocol; carries the error code to answer with. */
public final class ProtocolException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final int requestId;

    /**
     * @param code      what to answer
     * @param requestId the request id of the offending frame, or 0 when it could not be read
     * @param message   a message for the peer and the log
     */
    public ProtocolException(ErrorCode code, int requestId, String message) {
        super(message);
        this.code = code;
        this.requestId = requestId;
    }

    /** @return what to answer */
    public ErrorCode code() {
        return code;
    }

    /** @return the request id of the offending frame, or 0 */
    public int requestId() {
        return requestId;
    }

    /** @return the error reply that answers this exception */
    public ErrorReply toReply() {
        return new ErrorReply(requestId, code, getMessage());
    }
}
