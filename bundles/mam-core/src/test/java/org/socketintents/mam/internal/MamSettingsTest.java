package org.socketintents.mam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MamSettingsTest {

    @Test
    void goodValuesAreTaken() {
        MamSettings s = MamSettings.of(TestConfigs.mam(Map.of("socket_path", "/tmp/x/mam.sock",
                "socket_mode", "0600", "policy_budget_ms", 20, "max_frame_bytes", 4096, "max_clients", 8)),
                MamSettings.DEFAULTS);
        assertEquals(Path.of("/tmp/x/mam.sock"), s.socketPath());
        assertEquals(SocketFile.parseMode("600"), s.socketMode());
        assertEquals(20, s.budgetMillis());
        assertEquals(4096, s.maxFrameBytes());
        assertEquals(8, s.maxClients());
    }

    @Test
    void badValuesKeepTheLastGoodOnes() {
        MamSettings good = MamSettings.of(TestConfigs.mam(Map.of("socket_mode", "0600", "policy_budget_ms", 20)),
                MamSettings.DEFAULTS);
        MamSettings after = MamSettings.of(TestConfigs.mam(Map.of("socket_mode", "rw-rw----", "policy_budget_ms", 0,
                "max_frame_bytes", 10, "max_clients", -1)), good);
        assertEquals(good, after);
    }
}
