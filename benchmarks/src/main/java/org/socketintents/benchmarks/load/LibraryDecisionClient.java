package org.socketintents.benchmarks.load;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.socketintents.benchmarks.support.TypicalExchange;
import org.socketintents.client.MamClient;
import org.socketintents.client.MamClientConfig;

/**
 * Asks the MAM for a decision per round trip through the client library, as an intent-aware application's
 * connect does when it has no reusable decision: the library's pooled connection, its encoding, its wait for the
 * reply (a short poll, then a selector) and its decoding. The decision cache is off, so every round trip reaches
 * the MAM; the timeout is long and there is no back-off, so a slow answer is measured rather than replaced by
 * the OS default, and a missing one is counted.
 */
final class LibraryDecisionClient implements RoundTripClient {

    private final MamClient library;
    private final DecisionTally tally;

    private LibraryDecisionClient(MamClient library, DecisionTally tally) {
        this.library = library;
        this.tally = tally;
    }

    static LibraryDecisionClient connect(Path socket, DecisionTally tally) throws IOException {
        LibraryDecisionClient client = new LibraryDecisionClient(MamClient.create(MamClientConfig.builder()
                .socketPath(socket).timeout(Duration.ofSeconds(5)).backoff(Duration.ZERO).decisionCache(0)
                .build()), tally);
        client.roundTrip(); // opens the pooled connection now rather than in the first measured round trip
        return client;
    }

    @Override
    public void roundTrip() throws IOException {
        if (library.decide(TypicalExchange.REMOTE, TypicalExchange.HOST, TypicalExchange.INTENTS).isEmpty()) {
            tally.countFallback();
        }
    }

    @Override
    public void close() {
        library.close();
    }
}
