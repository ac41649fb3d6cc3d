package org.socketintents.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MamSocketPathTest {

    private static final Path SYSTEM = Path.of(MamSocketPath.SYSTEM_PATH);

    @TempDir
    Path tmp;

    private Properties properties(String... keysAndValues) {
        Properties properties = new Properties();
        properties.setProperty("java.io.tmpdir", tmp.toString());
        properties.setProperty("user.name", "alice");
        for (int i = 0; i < keysAndValues.length; i += 2) {
            properties.setProperty(keysAndValues[i], keysAndValues[i + 1]);
        }
        return properties;
    }

    private Path perUser() {
        return tmp.resolve("socket-intents-alice").resolve("mam.sock");
    }

    @Test
    void propertyBeatsEnvironment() {
        assertEquals(Path.of("/srv/prop.sock"), MamSocketPath.forClient(
                properties(MamSocketPath.PROPERTY, "/srv/prop.sock"),
                Map.of(MamSocketPath.ENVIRONMENT, "/srv/env.sock")));
    }

    @Test
    void environmentBeatsDefaults() throws IOException {
        createPerUserSocket();
        assertEquals(Path.of("/srv/env.sock"), MamSocketPath.forClient(properties(),
                Map.of(MamSocketPath.ENVIRONMENT, "/srv/env.sock")));
    }

    @Test
    void blankValuesCountAsUnset() throws IOException {
        assertEquals(Path.of("/srv/env.sock"), MamSocketPath.forClient(
                properties(MamSocketPath.PROPERTY, "  "), Map.of(MamSocketPath.ENVIRONMENT, "/srv/env.sock")));
        createPerUserSocket();
        assertEquals(defaultWithPerUserSocket(), MamSocketPath.forClient(
                properties(MamSocketPath.PROPERTY, ""), Map.of(MamSocketPath.ENVIRONMENT, " ")));
    }

    @Test
    void perUserSocketIsFoundWhenNoSystemSocketExists() throws IOException {
        createPerUserSocket();
        assertEquals(defaultWithPerUserSocket(), MamSocketPath.forClient(properties(), Map.of()));
    }

    @Test
    void systemPathWhenNoSocketExists() {
        assertEquals(SYSTEM, MamSocketPath.forClient(properties(), Map.of()));
    }

    @Test
    void perUserPathIsPerUser() throws IOException {
        createPerUserSocket();
        Path bob = MamSocketPath.forClient(properties("user.name", "bob"), Map.of());
        assertEquals(SYSTEM, bob, "bob does not find alice's socket");
    }

    @Test
    void serverTakesTheExplicitPropertyToo() {
        String previous = System.getProperty(MamSocketPath.PROPERTY);
        System.setProperty(MamSocketPath.PROPERTY, tmp.resolve("explicit.sock").toString());
        try {
            assertEquals(tmp.resolve("explicit.sock"), MamSocketPath.forServer());
            assertEquals(tmp.resolve("explicit.sock"), MamSocketPath.forClient());
        } finally {
            if (previous == null) {
                System.clearProperty(MamSocketPath.PROPERTY);
            } else {
                System.setProperty(MamSocketPath.PROPERTY, previous);
            }
        }
    }

    private void createPerUserSocket() throws IOException {
        Files.createDirectories(perUser().getParent());
        Files.createFile(perUser());
    }

    /** A system-wide MAM on the machine running the tests would rightly win over the per-user one. */
    private Path defaultWithPerUserSocket() {
        return Files.exists(SYSTEM) ? SYSTEM : perUser();
    }
}
