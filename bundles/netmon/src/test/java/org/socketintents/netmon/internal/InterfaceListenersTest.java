package org.socketintents.netmon.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.socketintents.api.net.InterfaceListener;
import org.socketintents.api.net.Interfaces;
import org.socketintents.testing.LogCapture;

class InterfaceListenersTest {

    private final InterfaceListeners listeners = new InterfaceListeners();

    @Test
    void aThrowingListenerIsReportedAndTheOthersStillHear() {
        List<Long> first = new ArrayList<>();
        List<Long> last = new ArrayList<>();
        listeners.add(snapshot -> first.add(snapshot.generation()));
        listeners.add(new Failing());
        listeners.add(snapshot -> last.add(snapshot.generation()));

        try (LogCapture log = LogCapture.of(InterfaceListeners.class)) {
            listeners.announce(new Interfaces(1, List.of()));
            listeners.announce(new Interfaces(2, List.of()));

            List<String> errors = log.messages(Level.SEVERE);
            assertEquals(2, errors.size());
            assertTrue(errors.get(0).contains(Failing.class.getName()) && errors.get(0).contains("generation 1"),
                    errors.get(0));
        }
        assertEquals(List.of(1L, 2L), first);
        assertEquals(List.of(1L, 2L), last);
    }

    @Test
    void eachGenerationIsAnnouncedOnceAndOlderOnesNever() {
        List<Long> heard = new ArrayList<>();
        listeners.add(snapshot -> heard.add(snapshot.generation()));
        Interfaces second = new Interfaces(2, List.of());

        listeners.announce(second);
        listeners.announce(second);
        listeners.announce(new Interfaces(1, List.of()));
        listeners.announce(Interfaces.empty());

        assertEquals(List.of(2L), heard);
    }

    @Test
    void aRemovedListenerHearsNothingMore() {
        List<Long> heard = new ArrayList<>();
        InterfaceListener listener = snapshot -> heard.add(snapshot.generation());
        listeners.add(listener);
        listeners.announce(new Interfaces(1, List.of()));

        listeners.remove(listener);
        listeners.announce(new Interfaces(2, List.of()));

        assertEquals(List.of(1L), heard);
    }

    private static final class Failing implements InterfaceListener {
        @Override
        public void interfacesChanged(Interfaces current) {
            throw new IllegalStateException("listener bug");
        }
    }
}
