package org.socketintents.mam.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.function.IntPredicate;

import org.socketintents.protocol.MamSocketPath;

/**
 * The MAM's configuration, checked. A value of the wrong type or out of range is reported (naming the key and
 * the value) and the last good value stays in force, so that a typo in the file never takes the MAM down.
 *
 * @param socketPath    the socket's absolute path
 * @param socketMode    the socket file's permissions
 * @param budgetMillis  the policy budget per decision
 * @param maxFrameBytes the longest request frame accepted
 * @param maxClients    the most clients served at once
 */
record MamSettings(Path socketPath, Set<PosixFilePermission> socketMode, int budgetMillis, int maxFrameBytes,
                   int maxClients) {

    private static final Logger LOG = System.getLogger(MamSettings.class.getName());

    /** The defaults of {@link MamConfig}, the "last good" values before any configuration. */
    static final MamSettings DEFAULTS = new MamSettings(MamSocketPath.forServer().toAbsolutePath(),
            SocketFile.parseMode("0660"), 50, 16384, 1024);

    /**
     * @param config   the configuration as DS delivers it
     * @param previous the settings in force
     * @return the new settings, each bad value replaced by the previous one
     */
    static MamSettings of(MamConfig config, MamSettings previous) {
        return new MamSettings(
                path(config.socket_path(), previous.socketPath),
                mode(config.socket_mode(), previous.socketMode),
                checked("policy.budget.ms", config.policy_budget_ms(), v -> v >= 1 && v <= 10_000, "1 to 10000",
                        previous.budgetMillis),
                checked("max.frame.bytes", config.max_frame_bytes(), v -> v >= 256 && v <= 1 << 20,
                        "256 to 1048576", previous.maxFrameBytes),
                checked("max.clients", config.max_clients(), v -> v >= 1 && v <= 65_536, "1 to 65536",
                        previous.maxClients));
    }

    private static Path path(String configured, Path previous) {
        String trimmed = configured.trim();
        if (trimmed.isEmpty()) {
            return MamSocketPath.forServer().toAbsolutePath();
        }
        try {
            return Path.of(trimmed).toAbsolutePath();
        } catch (RuntimeException e) {
            return rejected("socket.path", configured, e.getMessage(), previous);
        }
    }

    private static Set<PosixFilePermission> mode(String configured, Set<PosixFilePermission> previous) {
        try {
            return SocketFile.parseMode(configured);
        } catch (IllegalArgumentException e) {
            return rejected("socket.mode", configured, e.getMessage(), previous);
        }
    }

    private static int checked(String key, int value, IntPredicate valid, String range, int previous) {
        return valid.test(value) ? value : rejected(key, value, "must be " + range, previous);
    }

    private static <T> T rejected(String key, Object value, String why, T previous) {
        LOG.log(Level.ERROR, "Configuration " + MamConfig.PID + ": " + key + " = '" + value + "' " + why
                + "; keeping " + previous);
        return previous;
    }
}
