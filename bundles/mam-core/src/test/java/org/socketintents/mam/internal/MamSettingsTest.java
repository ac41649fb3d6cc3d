package org.socketintents.mam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

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

    @Test
    void limitsAndAccessAreTakenAndBadOnesKeepTheLastGood() {
        Accounts accounts = new Accounts(Map.of("alice", 1000L), Map.of("staff", 50L));
        MamSettings good = MamSettings.of(TestConfigs.mam(Map.of("idle_timeout_s", 60, "frame_timeout_ms", 500,
                "allowed_users", new String[] {"alice, 1001"}, "allowed_groups", new String[] {"staff"},
                "socket_owner", "0", "socket_group", "0")), MamSettings.DEFAULTS, accounts);
        assertEquals(60, good.idleSeconds());
        assertEquals(500, good.frameMillis());
        assertEquals(new PeerAllowList(Set.of(1000L, 1001L), Set.of(50L)), good.allowed());
        assertTrue(good.socketOwner().isPresent() && good.socketGroup().isPresent());
        assertTrue(good.allowed().admits(new PeerCredentials(1, 2000, 50)));
        assertFalse(good.allowed().admits(new PeerCredentials(1, 2000, 51)));

        MamSettings after = MamSettings.of(TestConfigs.mam(Map.of("idle_timeout_s", 0, "frame_timeout_ms", 99,
                "allowed_users", new String[] {"mallory"}, "socket_owner", "no-such-user-here",
                "socket_group", "no-such-group-here")), good, accounts);
        assertEquals(good, after);
    }

    @Test
    void writeTimeoutAndPerUserLimitAreTakenAndBadOnesKeepTheLastGood() {
        MamSettings good = MamSettings.of(TestConfigs.mam(Map.of("write_timeout_ms", 250,
                "max_clients_per_user", 3)), MamSettings.DEFAULTS);
        assertEquals(250, good.writeMillis());
        assertEquals(3, good.maxClientsPerUser());

        MamSettings after = MamSettings.of(TestConfigs.mam(Map.of("write_timeout_ms", 99,
                "max_clients_per_user", 0)), good);
        assertEquals(good, after);
    }

    @Test
    void readSpinIsTakenZeroTurnsItOffAndOutOfRangeKeepsTheLastGood() {
        assertEquals(MamConfig.DEFAULT_READ_SPIN_US, MamSettings.DEFAULTS.readSpinMicros());
        MamSettings good = MamSettings.of(TestConfigs.mam(Map.of("read_spin_us", 200)), MamSettings.DEFAULTS);
        assertEquals(200, good.readSpinMicros());
        assertEquals(0, MamSettings.of(TestConfigs.mam(Map.of("read_spin_us", 0)), good).readSpinMicros());
        assertEquals(good, MamSettings.of(TestConfigs.mam(Map.of("read_spin_us", 1001)), good));
        assertEquals(good, MamSettings.of(TestConfigs.mam(Map.of("read_spin_us", -1)), good));
    }

    @Test
    void aValueThatIsNotANumberKeepsTheLastGoodOne() {
        MamSettings good = MamSettings.of(TestConfigs.mam(Map.of("max_clients", 2)), MamSettings.DEFAULTS);
        // what DS throws when max.clients = abc is read as an int
        RuntimeException notANumber = new IllegalStateException(new NumberFormatException("For input string: \"abc\""));
        MamSettings after = MamSettings.of(TestConfigs.mam(Map.of("max_clients", notANumber)), good);
        assertEquals(2, after.maxClients());
        assertEquals(good, after);
    }

    @Test
    void defaultsAreSafe() {
        MamSettings defaults = MamSettings.of(TestConfigs.mam(Map.of()), MamSettings.DEFAULTS);
        assertEquals(MamSettings.DEFAULTS, defaults);
        assertEquals(5000, defaults.writeMillis());
        assertEquals(256, defaults.maxClientsPerUser());
    }

    @Test
    void anEmptyAllowListAdmitsAnyone() {
        assertTrue(MamSettings.DEFAULTS.allowed().admits(new PeerCredentials(-1, 12345, 678)));
    }
}
