package org.socketintents.siget.download;

import java.util.Locale;

/** Which part of a download a request is. */
enum Phase {
    /** The first bytes of a two-phase download, asked without a file size. */
    PROBE,
    /** The rest of a two-phase download, asked with the file size the probe revealed. */
    REST,
    /** A single-phase download. */
    WHOLE;

    /** @return the name in timing records */
    String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
