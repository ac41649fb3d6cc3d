package org.socketintents.policy.earliestarrival.internal;

/**
 * Predicts when the last byte of a download arrives over a path, counted from the application's connect: the
 * connection setup, then TCP slow start from the initial window, doubling every round trip while the window is below
 * the path's bandwidth-delay product, then the rest at the free capacity. See the bundle's README for the formula
 * and worked examples.
 *
 * @param initialWindowBytes TCP's initial congestion window: segments times MSS, 10 x 1448 = 14,480 bytes by default
 */
record TransferModel(long initialWindowBytes) {

    TransferModel {
        if (initialWindowBytes < 1) {
            throw new IllegalArgumentException("initial window must be at least one byte: " + initialWindowBytes);
        }
    }

    /**
     * @param bytes           the size of the download
     * @param path            the path's RTT and free capacity
     * @param setupRoundTrips round trips before the request leaves: 1 for TCP's handshake, plus TLS's
     * @return the predicted completion time in seconds
     */
    double completionSeconds(long bytes, PathEstimate path, int setupRoundTrips) {
        double rtt = path.rttSeconds();
        double rate = path.freeBytesPerSecond();
        double bandwidthDelayProduct = rate * rtt;
        double window = initialWindowBytes;
        double sent = 0;
        int idleRounds = 0;
        // While the window is below the BDP, the sender waits for ACKs for the rest of each round trip. A round in
        // which the last byte leaves ends with that byte, at the rate, not with a wait.
        while (window < bandwidthDelayProduct && sent + window < bytes) {
            sent += window;
            window *= 2;
            idleRounds++;
        }
        // +1 RTT: the request travels to the server and the last byte back, half a round trip each.
        return (setupRoundTrips + 1 + idleRounds) * rtt + (bytes - sent) / rate;
    }
}
