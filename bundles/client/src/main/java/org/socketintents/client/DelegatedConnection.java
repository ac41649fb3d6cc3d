package org.socketintents.client;

import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Transport;

/**
 * What the MAM did when it opened a connection on the application's behalf: the {@link java.net.Socket}s and
 * {@link java.nio.channels.SocketChannel}s of {@link IntentConnections} implement this when the MAM made them
 * (not when the library fell back to connecting itself).
 */
public interface DelegatedConnection {

    /** @return the decision the MAM followed */
    Decision decision();

    /** @return the transport the connection runs over: {@link Transport#MPTCP} only when MPTCP was negotiated */
    Transport transport();

    /**
     * @return why the connection differs from the decision (its source could not be used, MPTCP fell back to
     *         TCP); empty when it does not
     */
    String fallbackReason();
}
