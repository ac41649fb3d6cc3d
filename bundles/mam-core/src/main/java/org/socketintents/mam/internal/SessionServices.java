package org.socketintents.mam.internal;

import java.util.Objects;

/**
 * What client sessions answer requests with.
 *
 * @param engine     decides RESOLVE and CONNECT requests
 * @param statistics answers STATS requests
 * @param connects   answers SOCKETCONNECT requests
 */
record SessionServices(DecisionEngine engine, StatisticsReporter statistics, DelegatedConnects connects) {

    SessionServices {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(connects, "connects");
    }
}
