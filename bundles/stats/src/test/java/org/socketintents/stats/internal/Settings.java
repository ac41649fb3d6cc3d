package org.socketintents.stats.internal;

import java.nio.file.Path;
import java.util.List;

/** Collector settings for tests: the defaults (250 ms samples, 1/10/60 s windows, 1 s smoothing, stale after 10 s). */
final class Settings {

    private Settings() {
    }

    static CollectorSettings readingCountersFrom(Path directory) {
        CollectorSettings d = CollectorSettings.DEFAULTS;
        return new CollectorSettings(d.sampleInterval(), d.windows(), d.smoothing(), d.staleAfter(), List.of(),
                d.probeInterval(), d.probeTimeout(), directory);
    }
}
