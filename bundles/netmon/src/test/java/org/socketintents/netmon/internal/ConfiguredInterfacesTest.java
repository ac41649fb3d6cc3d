package org.socketintents.netmon.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.socketintents.testing.LogCapture;

class ConfiguredInterfacesTest {

    @Test
    void settingsAreFoundByInterfaceName() throws InvalidSettingException {
        ConfiguredInterfaces configured = new ConfiguredInterfaces();
        InterfaceSettings i1 = settings("i1", "a.cfg");
        InterfaceSettings i2 = settings("i2", "b.cfg");

        configured.put(10, i1);
        configured.put(11, i2);

        assertEquals(Map.of("i1", i1, "i2", i2), configured.byName());
    }

    @Test
    void whenTwoConfigurationsNameOneInterfaceTheEarlierServiceWinsAndTheOtherIsReported()
            throws InvalidSettingException {
        ConfiguredInterfaces configured = new ConfiguredInterfaces();
        InterfaceSettings first = settings("i1", "a.cfg");
        InterfaceSettings second = settings("i1", "b.cfg");
        try (LogCapture log = LogCapture.of(ConfiguredInterfaces.class)) {
            configured.put(12, second);
            configured.put(11, first);

            assertEquals(Map.of("i1", first), configured.byName());
            assertEquals(List.of("Interface i1 is configured twice: using a.cfg, ignoring b.cfg"),
                    log.messages(Level.SEVERE));
        }
    }

    @Test
    void theOtherConfigurationTakesOverWhenTheWinnerGoesAway() throws InvalidSettingException {
        ConfiguredInterfaces configured = new ConfiguredInterfaces();
        InterfaceSettings second = settings("i1", "b.cfg");
        configured.put(11, settings("i1", "a.cfg"));
        configured.put(12, second);

        configured.remove(11);

        assertEquals(Map.of("i1", second), configured.byName());
    }

    @Test
    void aChangedConfigurationReplacesItsOldSettings() throws InvalidSettingException {
        ConfiguredInterfaces configured = new ConfiguredInterfaces();
        configured.put(11, settings("i1", "a.cfg"));
        InterfaceSettings renamed = settings("i3", "a.cfg");

        configured.put(11, renamed);

        assertEquals(Map.of("i3", renamed), configured.byName());
    }

    private static InterfaceSettings settings(String name, String origin) throws InvalidSettingException {
        return InterfaceSettings.from(Map.of("name", name), origin);
    }
}
