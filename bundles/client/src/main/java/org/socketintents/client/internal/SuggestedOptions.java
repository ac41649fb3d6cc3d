package org.socketintents.client.internal;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketOption;
import java.net.StandardSocketOptions;
import java.util.Map;

import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.SuggestedOption;
import org.socketintents.api.policy.Transport;

/** Applies the socket options a decision suggests, where the application has not chosen them itself. */
final class SuggestedOptions {

    private static final System.Logger LOG = System.getLogger(SuggestedOptions.class.getName());

    private SuggestedOptions() {
    }

    /**
     * Sets each suggested option the application did not set, before the socket connects (buffer sizes only
     * take full effect then). Options the platform refuses are skipped: suggestions are advice. A suggested
     * {@link Transport#MPTCP} is skipped too: a {@link java.net.Socket} from the JDK is always plain TCP.
     *
     * @param decision    the decision
     * @param socket      the unconnected socket
     * @param application the options the application set
     */
    static void apply(Decision decision, Socket socket, OptionSettings application) {
        for (Map.Entry<SuggestedOption, Integer> suggestion : decision.options().entrySet()) {
            SocketOption<?> option = jdkOption(suggestion.getKey());
            if (application.isSet(option)) {
                continue;
            }
            Object value = option.type() == Boolean.class ? (Object) (suggestion.getValue() != 0) : suggestion.getValue();
            try {
                OptionSettings.apply(socket, option, value);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, () -> "Skipping suggested " + option + "=" + value + ": " + e);
            }
        }
        if (decision.transport() == Transport.MPTCP) {
            LOG.log(System.Logger.Level.DEBUG, "Policy suggests MPTCP; a java.net.Socket is plain TCP, using TCP");
        }
    }

    private static SocketOption<?> jdkOption(SuggestedOption option) {
        switch (option) {
            case TCP_NODELAY:
                return StandardSocketOptions.TCP_NODELAY;
            case SO_KEEPALIVE:
                return StandardSocketOptions.SO_KEEPALIVE;
            case SO_RCVBUF:
                return StandardSocketOptions.SO_RCVBUF;
            case SO_SNDBUF:
                return StandardSocketOptions.SO_SNDBUF;
            case IP_TOS:
                return StandardSocketOptions.IP_TOS;
            default:
                throw new IllegalArgumentException("no JDK option for " + option);
        }
    }
}
