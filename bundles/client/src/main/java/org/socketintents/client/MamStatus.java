package org.socketintents.client;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A snapshot of the library's contact with the MAM, for diagnostics.
 *
 * @param socketPath           the MAM socket the library uses
 * @param lastRequestAnswered  whether the MAM answered the latest request; false before the first request and
 *                             while the library backs off
 * @param answered             how many requests the MAM answered
 * @param fallbacks            how many requests fell back to the OS default because the MAM was absent, slow or
 *                             failing, including those not sent while backing off
 * @param lastFailure          why the MAM last failed, one line; empty when it never did
 * @param backingOff           whether the library is skipping the MAM now, after a failure
 * @param reused               how many connects applied a decision the MAM had given for an identical connect
 *                             and allowed to be reused, without asking
 */
public record MamStatus(Path socketPath, boolean lastRequestAnswered, long answered, long fallbacks,
                        String lastFailure, boolean backingOff, long reused) {

    public MamStatus {
        Objects.requireNonNull(socketPath, "socketPath");
        lastFailure = lastFailure == null ? "" : lastFailure;
    }
}
