package org.socketintents.netmon.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NamePatternsTest {

    @Test
    void starMatchesAnyRunAndQuestionMarkExactlyOneCharacter() {
        NamePatterns patterns = NamePatterns.of("eth*", "wlan?");

        assertTrue(patterns.matches("eth"));
        assertTrue(patterns.matches("eth0"));
        assertTrue(patterns.matches("eth0.100"));
        assertTrue(patterns.matches("wlan0"));
        assertFalse(patterns.matches("wlan10"));
        assertFalse(patterns.matches("wlan"));
        assertFalse(patterns.matches("veth0"), "a glob matches the whole name");
    }

    @Test
    void everythingElseIsLiteral() {
        NamePatterns patterns = NamePatterns.of("eth0.1", "br+x", "[ab]");

        assertTrue(patterns.matches("eth0.1"));
        assertFalse(patterns.matches("eth0x1"), "a dot is not a regular-expression wildcard");
        assertTrue(patterns.matches("br+x"));
        assertFalse(patterns.matches("brrx"));
        assertTrue(patterns.matches("[ab]"));
        assertFalse(patterns.matches("a"));
    }

    @Test
    void oneEntryMayHoldSeveralGlobsAsACfgFileGivesThem() {
        NamePatterns patterns = NamePatterns.of("eth*, wlan0 ,ppp?");

        assertEquals(NamePatterns.of("eth*", "wlan0", "ppp?"), patterns);
        assertTrue(patterns.matches("wlan0"));
        assertTrue(patterns.matches("ppp0"));
    }

    @Test
    void blankEntriesAreNoGlobs() {
        NamePatterns patterns = NamePatterns.of("", " , ");

        assertTrue(patterns.isEmpty());
        assertFalse(patterns.matches(""));
        assertFalse(patterns.matches("eth0"));
    }
}
