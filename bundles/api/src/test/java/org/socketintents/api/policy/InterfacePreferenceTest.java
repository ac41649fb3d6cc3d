package org.socketintents.api.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.Interfaces;

class InterfacePreferenceTest {

    private static DecisionRequest.Builder request() throws Exception {
        return DecisionRequest.builder(RequestKind.CONNECT).interfaces(new Interfaces(1, List.of(
                InterfaceDescription.builder("i1").addAddress(InetAddress.getByName("198.18.1.2"), 24)
                        .property("bandwidth.down", "6M").property("rtt", "10").build(),
                InterfaceDescription.builder("i2").addAddress(InetAddress.getByName("198.18.2.2"), 24)
                        .property("bandwidth.down", "12M").property("rtt", "70").build())));
    }

    @Test
    void parsesShortNamesAndLabels() {
        assertEquals(InterfacePreference.HIGHEST_BANDWIDTH, InterfacePreference.parse("bandwidth"));
        assertEquals(InterfacePreference.LOWEST_RTT, InterfacePreference.parse("Lowest_RTT"));
        assertEquals(InterfacePreference.OS_DEFAULT, InterfacePreference.parse("none"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> InterfacePreference.parse("fastest"));
        assertTrue(e.getMessage().contains("bandwidth, latency, cost, none"), e.getMessage());
    }

    @Test
    void decidesTheInterfaceWithAReason() throws Exception {
        Decision d = InterfacePreference.HIGHEST_BANDWIDTH.decide(request().build(), "category bulk transfer");
        assertEquals(Optional.of("i2"), d.sourceInterface());
        assertEquals("category bulk transfer -> highest-bandwidth interface i2 (12.0 Mbit/s, 70.0 ms)", d.reason());
        assertEquals(Optional.of("i1"), InterfacePreference.LOWEST_RTT.decide(request().build(), "q").sourceInterface());
    }

    @Test
    void keepsAnApplicationBoundSourceAndSaysWhenNoFigureExists() throws Exception {
        Decision bound = InterfacePreference.HIGHEST_BANDWIDTH.decide(request()
                .boundSource(new InetSocketAddress(InetAddress.getByName("198.18.1.2"), 0)).build(), "bulk");
        assertTrue(bound.isOsDefault());
        assertTrue(bound.reason().contains("bound"), bound.reason());

        Decision noCost = InterfacePreference.LOWEST_COST.decide(request().build(), "control");
        assertTrue(noCost.isOsDefault());
        assertTrue(noCost.reason().contains("no usable interface"), noCost.reason());
    }
}
