package org.socketintents.lab.calibrate;

import java.io.IOException;

/** Measures round-trip times from an address in one namespace to an address in another. */
public interface RttProbe {

    /** A name for reports ("ping", "udp-echo"). */
    String method();

    /** @return one round-trip time in milliseconds per answered probe */
    double[] rttMillis(Endpoint from, Endpoint to, int count) throws IOException;

    /** An address inside a lab namespace. */
    record Endpoint(String namespace, String address) {
    }
}
