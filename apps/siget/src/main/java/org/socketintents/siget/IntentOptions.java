package org.socketintents.siget;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.socketintents.api.Intent;
import org.socketintents.api.Intents;
import org.socketintents.siget.download.IntentPlan;

import picocli.CommandLine.Option;

/** The command line's intents: those of Table 1 of the paper, custom ones, and the two-phase download. */
final class IntentOptions {

    /** The paper's probe: the first 15 KBytes of each object. */
    static final long DEFAULT_PROBE_BYTES = 15 * 1024;

    @Option(names = "--category", paramLabel = "query|bulk|control|stream",
            description = "What the transfers are: query (small, delay-sensitive), bulk (large), control, stream.")
    String category;

    @Option(names = "--filesize", paramLabel = "N|auto",
            description = "The size of each object in bytes (k, M, G suffixes are powers of 1000), or auto: "
                    + "fetch the first --probe-bytes without a file size, then the rest under the file size "
                    + "the server revealed (the paper's two-phase download).")
    String fileSize;

    @Option(names = "--probe-bytes", paramLabel = "N", defaultValue = "" + DEFAULT_PROBE_BYTES,
            description = "With --filesize auto, how many bytes the first phase asks for (default: ${DEFAULT-VALUE}).")
    long probeBytes;

    @Option(names = "--duration", paramLabel = "SECONDS", description = "Time between first and last packet.")
    String duration;

    @Option(names = "--bitrate", paramLabel = "BYTES_PER_SECOND", description = "Size divided by duration.")
    String bitrate;

    @Option(names = "--burstiness", paramLabel = "random|regular|no-bursts|bulk",
            description = "How the traffic arrives over time.")
    String burstiness;

    @Option(names = "--timeliness", paramLabel = "stream|interactive|transfer|background",
            description = "How much the completion time matters.")
    String timeliness;

    @Option(names = "--resilience", paramLabel = "sensitive|undesirable|resilient",
            description = "How the application copes with connection loss.")
    String resilience;

    @Option(names = "--intent", paramLabel = "NAME=VALUE",
            description = "Any intent by name, standard or custom; may be repeated.")
    Map<String, String> custom = new LinkedHashMap<>();

    /**
     * @return the plan for these options
     * @throws IllegalArgumentException if a value is not valid for its intent, naming the valid ones
     */
    IntentPlan plan() {
        Intents.Builder intents = Intents.builder();
        custom.forEach(intents::parse);
        set(intents, Intent.CATEGORY, category);
        set(intents, Intent.DURATION, duration);
        set(intents, Intent.BITRATE, bitrate);
        set(intents, Intent.BURSTINESS, burstiness);
        set(intents, Intent.TIMELINESS, timeliness);
        set(intents, Intent.RESILIENCE, resilience);
        if (fileSize != null && fileSize.trim().toLowerCase(Locale.ROOT).equals("auto")) {
            return IntentPlan.twoPhase(intents.build(), probeBytes);
        }
        set(intents, Intent.FILE_SIZE, fileSize);
        return IntentPlan.singlePhase(intents.build());
    }

    private static void set(Intents.Builder intents, Intent<?> intent, String value) {
        if (value != null) {
            intents.parse(intent.name(), value);
        }
    }
}
