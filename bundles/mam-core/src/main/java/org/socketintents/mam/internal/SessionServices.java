package org.socketintents.mam.internal;

import java.util.Objects;

/**
 * What client sessions answer requests with, and the state all sessions of one server share.
 *
 * @param engine     decides RESOLVE and CONNECT requests
 * @param statistics answers STATS requests
 * @param connects   answers SOCKETCONNECT requests
 * @param users      the connections each user has open
 * @param spinner    how session loops wait for the next request
 * @param blocking   where the requests that may wait for the network are answered
 */
record SessionServices(DecisionEngine engine, StatisticsReporter statistics, DelegatedConnects connects,
                       ConnectionsPerUser users, ReadSpinner spinner, BlockingRequestPool blocking) {

    SessionServices {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(statistics, "statistics");
        Objects.requireNonNull(connects, "connects");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(spinner, "spinner");
        Objects.requireNonNull(blocking, "blocking");
    }

    /** The services of a new server: no user has a connection yet, no loop polls, no request is in flight. */
    SessionServices(DecisionEngine engine, StatisticsReporter statistics, DelegatedConnects connects) {
        this(engine, statistics, connects, new ConnectionsPerUser(), new ReadSpinner(), new BlockingRequestPool());
    }
}
