package org.socketintents.siget.http;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.client.MamClient;
import org.socketintents.client.MamStatus;

/**
 * Asks the MAM which source its policy picks for a connection, before any socket exists: the answer decides
 * the HTTP route (and so which pooled connection may be reused) ahead of the connect. A MAM that is absent, slow
 * or broken is reported once through the warning sink; the downloads then go the OS default way. Thread-safe.
 */
public final class MamDecisions {

    private final MamClient mam;
    private final Consumer<String> warnings;
    private final AtomicBoolean warned = new AtomicBoolean();

    /**
     * @param mam      the MAM client
     * @param warnings receives one line when the MAM turns out unusable
     */
    public MamDecisions(MamClient mam, Consumer<String> warnings) {
        this.mam = mam;
        this.warnings = warnings;
    }

    /**
     * @param remote  the resolved destination
     * @param host    the host name it was resolved from, or null
     * @param intents the intents of the connection
     * @return the policy's decision; empty when the MAM gave none (absent, failing, or an error reply)
     */
    public Optional<Decision> connect(InetSocketAddress remote, String host, Intents intents) {
        Optional<Decision> decision = mam.decide(remote, host, intents);
        if (decision.isEmpty()) {
            MamStatus status = mam.status();
            if (!status.lastRequestAnswered() && warned.compareAndSet(false, true)) {
                warnings.accept("no usable Socket Intents MAM at " + status.socketPath() + " ("
                        + status.lastFailure() + "); downloading the OS default way");
            }
        }
        return decision;
    }
}
