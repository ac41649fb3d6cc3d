package org.socketintents.policy.mptcp.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.function.Function;

import org.socketintents.api.Intent;
import org.socketintents.api.policy.InterfacePreference;

/**
 * The mptcp policy's configuration, parsed. Immutable, so that a reconfiguration replaces it in one step and a
 * decision never sees half of an old and half of a new configuration.
 *
 * @param minFileSize      bytes from which a transfer is bulk
 * @param minStreamSeconds seconds from which a stream is long
 * @param primary          where the initial subflow of an MPTCP connection starts
 * @param availability     whether to ask the host for MPTCP support
 */
record MptcpSettings(long minFileSize, long minStreamSeconds, InterfacePreference primary,
                     Availability availability) {

    private static final Logger LOG = System.getLogger(MptcpSettings.class.getName());

    /** The settings of a policy without a configuration. */
    static final MptcpSettings DEFAULTS = new MptcpSettings(Intent.FILE_SIZE.parse(MptcpPolicy.DEFAULT_MIN_FILE_SIZE),
            Intent.DURATION.parse(MptcpPolicy.DEFAULT_MIN_STREAM_SECONDS),
            InterfacePreference.parse(MptcpPolicy.DEFAULT_PRIMARY), Availability.parse(MptcpPolicy.DEFAULT_AVAILABLE));

    /** The values of {@code mptcp.available}. */
    enum Availability {
        /** Ask the host. */
        AUTO,
        /** Take MPTCP as available without asking. */
        TRUE,
        /** Never suggest MPTCP. */
        FALSE;

        static Availability parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + text + "' is not one of auto, true, false", e);
            }
        }

        /** @return the value as the configuration spells it */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * @param config a new configuration
     * @return these settings with the configuration's values; a value that does not parse keeps this one and is
     *         logged
     */
    MptcpSettings with(MptcpPolicy.Config config) {
        return new MptcpSettings(
                parse("min.file.size", config.min_file_size(), Intent.FILE_SIZE::parse, minFileSize),
                parse("min.stream.duration.s", config.min_stream_duration_s(), Intent.DURATION::parse,
                        minStreamSeconds),
                parse("primary", config.primary(), InterfacePreference::parse, primary),
                parse("mptcp.available", config.mptcp_available(), Availability::parse, availability));
    }

    private static <T> T parse(String key, String value, Function<String, T> parser, T previous) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "Configuration " + MptcpPolicy.PID + ": " + key + " = " + e.getMessage()
                    + "; keeping " + previous);
            return previous;
        }
    }
}
