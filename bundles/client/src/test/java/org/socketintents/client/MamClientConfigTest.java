package org.socketintents.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

class MamClientConfigTest {

    @Test
    void defaultsAreAnAutomaticPathAHundredMillisecondsAndOneSecond() {
        MamClientConfig config = MamClientConfig.builder().build();
        assertTrue(config.socketPath().isEmpty());
        assertEquals(Duration.ofMillis(100), config.timeout());
        assertEquals(Duration.ofSeconds(1), config.resolveTimeout());
        assertEquals(Duration.ofSeconds(1), config.backoff());
        assertEquals(config, MamClientConfig.from(new Properties()));
    }

    @Test
    void systemPropertiesOverrideTheDefaults() {
        Properties properties = new Properties();
        properties.setProperty(MamClientConfig.TIMEOUT_PROPERTY, "250");
        properties.setProperty(MamClientConfig.RESOLVE_TIMEOUT_PROPERTY, "3000");
        properties.setProperty(MamClientConfig.BACKOFF_PROPERTY, " 0 ");
        MamClientConfig config = MamClientConfig.from(properties);
        assertEquals(Duration.ofMillis(250), config.timeout());
        assertEquals(Duration.ofSeconds(3), config.resolveTimeout());
        assertEquals(Duration.ZERO, config.backoff());
    }

    @Test
    void malformedPropertiesFallBackToTheDefaults() {
        Properties properties = new Properties();
        properties.setProperty(MamClientConfig.TIMEOUT_PROPERTY, "0");
        properties.setProperty(MamClientConfig.BACKOFF_PROPERTY, "1s");
        MamClientConfig config = MamClientConfig.from(properties);
        assertEquals(MamClientConfig.DEFAULT_TIMEOUT, config.timeout());
        assertEquals(MamClientConfig.DEFAULT_BACKOFF, config.backoff());
    }

    @Test
    void builderRefusesNonsenseAndRoundTrips() {
        assertThrows(IllegalArgumentException.class, () -> MamClientConfig.builder().timeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> MamClientConfig.builder().resolveTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> MamClientConfig.builder().backoff(Duration.ofMillis(-1)));
        MamClientConfig config = MamClientConfig.builder().socketPath(Path.of("/tmp/mam.sock"))
                .timeout(Duration.ofMillis(50)).resolveTimeout(Duration.ofMillis(500)).backoff(Duration.ofSeconds(3))
                .build();
        assertEquals(config, config.toBuilder().build());
        assertEquals(Path.of("/tmp/mam.sock"), config.socketPath().orElseThrow());
    }

    @Test
    void theSharedClientCannotBeClosedButItsStatusIsReadable() {
        MamClient shared = MamClient.getDefault();
        assertThrows(UnsupportedOperationException.class, shared::close);
        assertFalse(shared.status().lastRequestAnswered());
    }
}
