package org.socketintents.lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.socketintents.lab.delay.DelayTuning;

class OptionsTest {

    @Test
    void separatesPositionalsValuesAndFlags() throws UsageException {
        Options o = Options.parse(List.of("paper", "--name", "si-lab-x", "--foreground"),
                Set.of("--name"), Set.of("--foreground"));

        assertEquals("paper", o.positional(0, "default"));
        assertEquals("fallback", o.positional(1, "fallback"));
        assertEquals("si-lab-x", o.value("--name", null));
        assertTrue(o.flag("--foreground"));
    }

    @Test
    void rejectsUnknownOptionsMissingValuesAndBadNumbers() {
        assertThrows(UsageException.class, () -> Options.parse(List.of("--nmae", "x"), Set.of("--name"), Set.of()));
        assertThrows(UsageException.class, () -> Options.parse(List.of("--name"), Set.of("--name"), Set.of()));
        assertThrows(UsageException.class, () -> Options.parse(List.of("a", "b"), Set.of(), Set.of())
                .atMostPositionals(1));
        assertThrows(UsageException.class, () -> Options.parse(List.of("--pings", "many"), Set.of("--pings"),
                Set.of()).number("--pings", 1, 1, 10));
        assertThrows(UsageException.class, () -> Options.parse(List.of("--pings", "0"), Set.of("--pings"),
                Set.of()).number("--pings", 1, 1, 10));
    }

    @Test
    void tuningRoundTripsThroughTheDaemonsCommandLine() throws UsageException {
        DelayTuning tuning = LabOptions.tuning(Options.parse(List.of("--spin-us", "50", "--rt-priority", "0"),
                LabOptions.TUNING, Set.of()));

        assertEquals(50_000, tuning.waitPolicy().spinNanos());
        assertEquals(0, tuning.realtimePriority());
        assertEquals(tuning, LabOptions.tuning(Options.parse(LabOptions.arguments(tuning), LabOptions.TUNING,
                Set.of())));
    }
}
