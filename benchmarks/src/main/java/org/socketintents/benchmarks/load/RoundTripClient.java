package org.socketintents.benchmarks.load;

import java.io.Closeable;
import java.io.IOException;

/** One connection that makes request/reply round trips, one at a time, on the thread that calls it. */
interface RoundTripClient extends Closeable {

    /** Sends one request and waits for its reply. */
    void roundTrip() throws IOException;

    /** Opens a client per load thread. */
    @FunctionalInterface
    interface Factory {
        RoundTripClient open() throws IOException;
    }
}
