package org.socketintents.mam.internal;

import java.util.Objects;

/**
 * What client sessions answer requests with, and the state all sessions of one server share.
 *
 * @param engine     decides RESOLVE and CONNECT requests
 * @param statistics answers STATS requests
 * @param connects   answers SOCKETCONNECT requests
 * @param users      the connections each user has open
 * @param spinner    how sessions wait for their next request
 */
record SessionServices(DecisionEngine engine, StatisticsReporter statistics, DelegatedConnects connects,
                       ConnectionsPerUser users, ReadSpinner spinner) {

    SessionServices {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(connects, "connects");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(spinner, "spinner");
    }

    /** The services of a new server: no user has a connection yet, and no session polls. */
    SessionServices(DecisionEngine engine, StatisticsReporter statistics, DelegatedConnects connects) {
        this(engine, statistics, connects, new ConnectionsPerUser(), new ReadSpinner());
    }
}
