package org.socketintents.protocol;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Where the MAM's socket is, agreed between the MAM and the client library without configuration.
 *
 * <p>An explicit path wins: the system property {@value #PROPERTY}, else the environment variable
 * {@value #ENVIRONMENT}. Otherwise a system-wide MAM listens on {@value #SYSTEM_PATH} and a per-user MAM
 * (when {@code /run/socket-intents} cannot be written) on {@code <java.io.tmpdir>/socket-intents-<user>/mam.sock};
 * a client takes the first of these that exists.
 */
public final class MamSocketPath {

    /** System property naming the socket path. */
    public static final String PROPERTY = "socketintents.socket";
    /** Environment variable naming the socket path. */
    public static final String ENVIRONMENT = "SOCKET_INTENTS_SOCKET";
    /** The path of a system-wide MAM. */
    public static final String SYSTEM_PATH = "/run/socket-intents/mam.sock";
    /** What the decision epoch file's name adds to the socket's. */
    public static final String EPOCH_SUFFIX = ".epoch";

    private MamSocketPath() {
    }

    /** @return the path a client connects to */
    public static Path forClient() {
        return forClient(System.getProperties(), System.getenv());
    }

    static Path forClient(Properties properties, Map<String, String> environment) {
        Path explicit = explicit(properties, environment);
        if (explicit != null) {
            return explicit;
        }
        for (Path candidate : List.of(Path.of(SYSTEM_PATH), perUser(properties))) {
            if (Files.exists(candidate)) {
                return candidate;
            }
        }
        return Path.of(SYSTEM_PATH);
    }

    /**
     * @param socket the MAM's socket
     * @return the file beside it where the MAM publishes its decision epoch (docs/protocol.md, section 8.1)
     */
    public static Path epochFile(Path socket) {
        return socket.resolveSibling(socket.getFileName() + EPOCH_SUFFIX);
    }

    /** @return the path a MAM listens on when its configuration names none */
    public static Path forServer() {
        Properties properties = System.getProperties();
        Path explicit = explicit(properties, System.getenv());
        if (explicit != null) {
            return explicit;
        }
        Path system = Path.of(SYSTEM_PATH);
        Path run = system.getParent().getParent();
        boolean systemUsable = Files.isDirectory(system.getParent()) ? Files.isWritable(system.getParent())
                : Files.isWritable(run);
        return systemUsable ? system : perUser(properties);
    }

    private static Path explicit(Properties properties, Map<String, String> environment) {
        String value = properties.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            value = environment.get(ENVIRONMENT);
        }
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    private static Path perUser(Properties properties) {
        return Path.of(properties.getProperty("java.io.tmpdir", "/tmp"),
                "socket-intents-" + properties.getProperty("user.name", "user"), "mam.sock");
    }
}
