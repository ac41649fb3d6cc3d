package org.socketintents.mam.internal;

import java.util.Objects;

/**
 * What client sessions answer requests with, and the state all sessions of one server share.
 *
 * @param engine     decides RESOLVE and CONNECT requests
 * @param statistics answers STATS requests
 * @param connects   answers SOCKETCONNECT requests
 * @param users      the connections each user has open
 */
record SessionServices(DecisionEngine engine, StatisticsReporter statistics, DelegatedConnects connects,
                       ConnectionsPerUser users) {

    SessionServices {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(connects, "connects");
        Objects.requireNonNull(users, "users");
    }

    /** The services of a new server: no user has a connection yet. */
    SessionServices(DecisionEngine engine, StatisticsReporter statistics, DelegatedConnects connects) {
        this(engine, statistics, connects, new ConnectionsPerUser());
    }
}
