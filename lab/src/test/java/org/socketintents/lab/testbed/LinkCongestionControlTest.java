package org.socketintents.lab.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class LinkCongestionControlTest {

    @Test
    void oneAlgorithmEverywhereIsSaidOnceAndAnyDifferenceIsSpelledOut() {
        LinkCongestionControl cubic = new LinkCongestionControl("i1", "cubic", "cubic");
        LinkCongestionControl mixed = new LinkCongestionControl("i2", "bbr", "cubic");

        assertEquals("cubic on every link, both ends", LinkCongestionControl.summary(List.of(cubic, cubic)));
        assertEquals("i1: cubic; i2: client bbr, server cubic", LinkCongestionControl.summary(List.of(cubic, mixed)));
        assertTrue(cubic.runs("cubic"));
        assertFalse(mixed.runs("cubic"));
    }
}
