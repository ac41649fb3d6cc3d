package org.socketintents.api.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class InterfacesTest {

    private static InterfaceDescription.Builder link(String name, String address) throws Exception {
        return InterfaceDescription.builder(name).addAddress(InetAddress.getByName(address), 24);
    }

    @Test
    void wellKnownPropertiesAreParsed() throws Exception {
        InterfaceDescription i1 = link("i1", "198.18.1.2").property("bandwidth.down", "6M")
                .property("bandwidth.up", "768k").property("rtt", "10ms").property("cost", "0.5")
                .property("dns", "198.18.1.1, 2001:db8::53").property("vendor", "dsl").build();
        assertEquals(OptionalLong.of(6_000_000), i1.downloadBandwidth());
        assertEquals(OptionalLong.of(768_000), i1.uploadBandwidth());
        assertEquals(OptionalDouble.of(10), i1.rttMillis());
        assertEquals(OptionalDouble.of(0.5), i1.cost());
        assertEquals(List.of(InetAddress.getByName("198.18.1.1"), InetAddress.getByName("2001:db8::53")),
                i1.dnsServers());
        assertEquals("dsl", i1.properties().get("vendor"));
    }

    @Test
    void badPropertyValuesAreRefusedNamingTheValue() {
        IllegalArgumentException rate = assertThrows(IllegalArgumentException.class,
                () -> link("i1", "198.18.1.2").property("bandwidth.down", "fast").build());
        assertTrue(rate.getMessage().contains("'fast'"), rate.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> link("i1", "198.18.1.2").property("rtt", "-3").build());
        assertThrows(IllegalArgumentException.class,
                () -> link("i1", "198.18.1.2").property("dns", "ns.example.com").build());
        assertThrows(IllegalArgumentException.class,
                () -> link("i1", "198.18.1.2").property("dns", "300.1.1.1").build());
        assertThrows(IllegalArgumentException.class, () -> new InterfacePrefix(InetAddress.getLoopbackAddress(), 33));
    }

    @Test
    void rankingFollowsThePaperLinks() throws Exception {
        Interfaces paper = new Interfaces(3, List.of(
                link("lo", "127.0.0.1").sourceEnabled(false).property("rtt", "0").build(),
                link("i1", "198.18.1.2").property("bandwidth.down", "6M").property("rtt", "10").property("cost", "1")
                        .build(),
                link("i2", "198.18.2.2").property("bandwidth.down", "12M").property("rtt", "70").property("cost", "5")
                        .build()));
        assertEquals("i2", paper.highestDownloadBandwidth().orElseThrow().name());
        assertEquals("i1", paper.lowestRtt().orElseThrow().name());
        assertEquals("i1", paper.lowestCost().orElseThrow().name());
        assertEquals(List.of("i1", "i2"), paper.sourceCandidates().stream().map(InterfaceDescription::name).toList());
        assertEquals(3, paper.generation());
    }

    @Test
    void downOrAddresslessInterfacesAreNotCandidates() throws Exception {
        Interfaces interfaces = new Interfaces(1, List.of(
                link("i1", "198.18.1.2").up(false).property("bandwidth.down", "100M").build(),
                InterfaceDescription.builder("i3").addAddress(InetAddress.getByName("fe80::1"), 64)
                        .property("bandwidth.down", "50M").build(),
                link("i2", "198.18.2.2").property("bandwidth.down", "12M").build()));
        assertEquals("i2", interfaces.highestDownloadBandwidth().orElseThrow().name());
        assertEquals(Optional.empty(), interfaces.lowestRtt(), "no candidate has an RTT configured");
    }

    @Test
    void sourceAddressSkipsLinkLocalAndMatchesTheFamily() throws Exception {
        InterfaceDescription d = InterfaceDescription.builder("i1")
                .addAddress(InetAddress.getByName("fe80::1"), 64)
                .addAddress(InetAddress.getByName("198.18.1.2"), 24)
                .addAddress(InetAddress.getByName("2001:db8:1::2"), 64).build();
        assertEquals(Optional.of(InetAddress.getByName("198.18.1.2")), d.sourceAddress(Inet4Address.class));
        assertEquals(Optional.of(InetAddress.getByName("2001:db8:1::2")), d.sourceAddress(Inet6Address.class));
    }

    @Test
    void ratesAcceptUnitsAndRefuseGarbage() {
        assertEquals(1_500_000_000L, InterfaceProperties.parseBitRate("1.5G"));
        assertEquals(12_000_000L, InterfaceProperties.parseBitRate("12Mbit"));
        assertEquals(2_000_000L, InterfaceProperties.parseBitRate(" 2000000 "));
        assertThrows(IllegalArgumentException.class, () -> InterfaceProperties.parseBitRate("NaN"));
        assertThrows(IllegalArgumentException.class, () -> InterfaceProperties.parseBitRate("1e300G"));
        assertThrows(IllegalArgumentException.class, () -> InterfaceProperties.parseMillis("Infinity"));
    }
}
