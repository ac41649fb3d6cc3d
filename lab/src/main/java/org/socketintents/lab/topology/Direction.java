package org.socketintents.lab.topology;

import java.util.Locale;

/** Seen from the client: DOWN carries server-to-client traffic, UP client-to-server. */
public enum Direction {
    DOWN, UP;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
