package org.socketintents.mam.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntSupplier;

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
 * @param idleSeconds   how long a connection may stay silent between requests
 * @param frameMillis   how long a request frame may take to arrive once it has begun
 * @param writeMillis   how long a reply may take to be written
 * @param maxClientsPerUser the most clients one user may have connected at once
 * @param socketOwner   the socket file's owner, empty for the MAM's user
 * @param socketGroup   the socket file's group, empty for the MAM's group
 * @param allowed       the peers that may use the MAM
 * @param decisionReuseMillis how long clients may reuse a reusable decision, 0 for not at all
 * @param readSpinMicros how long a session polls for the next request before it blocks, 0 for not at all
 */
record MamSettings(Path socketPath, Set<PosixFilePermission> socketMode, int budgetMillis, int maxFrameBytes,
                   int maxClients, int idleSeconds, int frameMillis, int writeMillis, int maxClientsPerUser,
                   Optional<UserPrincipal> socketOwner,
                   Optional<GroupPrincipal> socketGroup, PeerAllowList allowed, int decisionReuseMillis,
                   int readSpinMicros) {

    private static final Logger LOG = System.getLogger(MamSettings.class.getName());

    /** The defaults of {@link MamConfig}, the "last good" values before any configuration. */
    static final MamSettings DEFAULTS = new MamSettings(MamSocketPath.forServer().toAbsolutePath(),
            SocketFile.parseMode("0660"), 50, 16384, 1024, 300, 2000, 5000, 256, Optional.empty(), Optional.empty(),
            PeerAllowList.ANYONE, MamConfig.DEFAULT_DECISION_REUSE_MS,
            MamConfig.DEFAULT_READ_SPIN_US);

    /**
     * @param config   the configuration as DS delivers it
     * @param previous the settings in force
     * @return the new settings, each bad value replaced by the previous one
     */
    static MamSettings of(MamConfig config, MamSettings previous) {
        return of(config, previous, Accounts.local());
    }

    /** As {@link #of(MamConfig, MamSettings)}, with allow-list names looked up in {@code accounts}. */
    static MamSettings of(MamConfig config, MamSettings previous, Accounts accounts) {
        UserPrincipalLookupService principals = FileSystems.getDefault().getUserPrincipalLookupService();
        return new MamSettings(
                path(config.socket_path(), previous.socketPath),
                mode(config.socket_mode(), previous.socketMode),
                checked("policy.budget.ms", config::policy_budget_ms, 1, 10_000, previous.budgetMillis),
                checked("max.frame.bytes", config::max_frame_bytes, 256, 1 << 20, previous.maxFrameBytes),
                checked("max.clients", config::max_clients, 1, 65_536, previous.maxClients),
                checked("idle.timeout.s", config::idle_timeout_s, 1, 86_400, previous.idleSeconds),
                checked("frame.timeout.ms", config::frame_timeout_ms, 100, 60_000, previous.frameMillis),
                checked("write.timeout.ms", config::write_timeout_ms, 100, 60_000, previous.writeMillis),
                checked("max.clients.per.user", config::max_clients_per_user, 1, 65_536,
                        previous.maxClientsPerUser),
                principal("socket.owner", config.socket_owner(), principals::lookupPrincipalByName,
                        previous.socketOwner),
                principal("socket.group", config.socket_group(), principals::lookupPrincipalByGroupName,
                        previous.socketGroup),
                allowList(config, accounts, previous.allowed),
                checked("decision.reuse.ms", config::decision_reuse_ms, 0, 3_600_000, previous.decisionReuseMillis),
                checked("read.spin.us", config::read_spin_us, 0, 1000, previous.readSpinMicros));
    }

    /** Looks a user or group up by name or number. */
    private interface Lookup<P> {
        P find(String nameOrId) throws IOException;
    }

    private static <P> Optional<P> principal(String key, String configured, Lookup<P> lookup, Optional<P> previous) {
        String trimmed = configured.trim();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(lookup.find(trimmed));
        } catch (IOException e) {
            return rejected(key, configured, "is not a known name or id (" + e.getMessage() + ")", previous);
        }
    }

    private static PeerAllowList allowList(MamConfig config, Accounts accounts, PeerAllowList previous) {
        try {
            return PeerAllowList.of(config.allowed_users(), config.allowed_groups(), accounts);
        } catch (IllegalArgumentException e) {
            return rejected("allowed.users/allowed.groups",
                    String.join(",", config.allowed_users()) + " / " + String.join(",", config.allowed_groups()),
                    e.getMessage(), previous);
        }
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

    private static int checked(String key, IntSupplier configured, int min, int max, int previous) {
        int value;
        try {
            value = configured.getAsInt();
        } catch (RuntimeException notANumber) {
            // DS converts the configured text when the accessor is called, and throws if it is not a number
            LOG.log(Level.ERROR, "Configuration " + MamConfig.PID + ": " + key + " is not a number ("
                    + reason(notANumber) + "); keeping " + previous);
            return previous;
        }
        return value >= min && value <= max ? value : rejected(key, value, "must be " + min + " to " + max, previous);
    }

    /** @return the innermost message: DS wraps the parser's exception, which names the text */
    private static String reason(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    private static <T> T rejected(String key, Object value, String why, T previous) {
        LOG.log(Level.ERROR, "Configuration " + MamConfig.PID + ": " + key + " = '" + value + "' " + why
                + "; keeping " + previous);
        return previous;
    }
}
