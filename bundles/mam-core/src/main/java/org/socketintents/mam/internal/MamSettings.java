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
 * @param idleSeconds   how long a connection may stay silent between requests
 * @param frameMillis   how long a request frame may take to arrive once it has begun
 * @param socketOwner   the socket file's owner, empty for the MAM's user
 * @param socketGroup   the socket file's group, empty for the MAM's group
 * @param allowed       the peers that may use the MAM
 * @param decisionReuseMillis how long clients may reuse a reusable decision, 0 for not at all
 */
record MamSettings(Path socketPath, Set<PosixFilePermission> socketMode, int budgetMillis, int maxFrameBytes,
                   int maxClients, int idleSeconds, int frameMillis, Optional<UserPrincipal> socketOwner,
                   Optional<GroupPrincipal> socketGroup, PeerAllowList allowed, int decisionReuseMillis) {

    private static final Logger LOG = System.getLogger(MamSettings.class.getName());

    /** The defaults of {@link MamConfig}, the "last good" values before any configuration. */
    static final MamSettings DEFAULTS = new MamSettings(MamSocketPath.forServer().toAbsolutePath(),
            SocketFile.parseMode("0660"), 50, 16384, 1024, 300, 2000, Optional.empty(), Optional.empty(),
            PeerAllowList.ANYONE, MamConfig.DEFAULT_DECISION_REUSE_MS);

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
                checked("policy.budget.ms", config.policy_budget_ms(), v -> v >= 1 && v <= 10_000, "1 to 10000",
                        previous.budgetMillis),
                checked("max.frame.bytes", config.max_frame_bytes(), v -> v >= 256 && v <= 1 << 20,
                        "256 to 1048576", previous.maxFrameBytes),
                checked("max.clients", config.max_clients(), v -> v >= 1 && v <= 65_536, "1 to 65536",
                        previous.maxClients),
                checked("idle.timeout.s", config.idle_timeout_s(), v -> v >= 1 && v <= 86_400, "1 to 86400",
                        previous.idleSeconds),
                checked("frame.timeout.ms", config.frame_timeout_ms(), v -> v >= 100 && v <= 60_000,
                        "100 to 60000", previous.frameMillis),
                principal("socket.owner", config.socket_owner(), principals::lookupPrincipalByName,
                        previous.socketOwner),
                principal("socket.group", config.socket_group(), principals::lookupPrincipalByGroupName,
                        previous.socketGroup),
                allowList(config, accounts, previous.allowed),
                checked("decision.reuse.ms", config.decision_reuse_ms(), v -> v >= 0 && v <= 3_600_000,
                        "0 to 3600000", previous.decisionReuseMillis));
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

    private static int checked(String key, int value, IntPredicate valid, String range, int previous) {
        return valid.test(value) ? value : rejected(key, value, "must be " + range, previous);
    }

    private static <T> T rejected(String key, Object value, String why, T previous) {
        LOG.log(Level.ERROR, "Configuration " + MamConfig.PID + ": " + key + " = '" + value + "' " + why
                + "; keeping " + previous);
        return previous;
    }
}
