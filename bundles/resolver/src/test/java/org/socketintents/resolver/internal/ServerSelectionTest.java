package org.socketintents.resolver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.socketintents.resolver.internal.TestSetup.address;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.Interfaces;

class ServerSelectionTest {

    private final List<Route> routes = new ArrayList<>();
    private final AtomicInteger routeReads = new AtomicInteger();
    private final ServerSelection selection = new ServerSelection(() -> {
        routeReads.incrementAndGet();
        return routes;
    });

    private static InterfaceDescription link(String name, String address, int prefixLength, String dns) {
        InterfaceDescription.Builder b = InterfaceDescription.builder(name).addAddress(address(address), prefixLength);
        if (dns != null) {
            b.property("dns", dns);
        }
        return b.build();
    }

    private static ResolvConf servers(String... literals) {
        List<InetAddress> servers = new ArrayList<>();
        for (String literal : literals) {
            servers.add(address(literal));
        }
        return new ResolvConf(servers, List.of());
    }

    private ServerSelection.Plan plan(ResolvConf conf, InterfaceDescription... links) {
        return selection.plan(new Interfaces(1, List.of(links)), conf, 53);
    }

    private static Map<String, List<String>> servers(ServerSelection.Plan plan) {
        Map<String, List<String>> servers = new LinkedHashMap<>();
        for (Upstream upstream : plan.upstreams()) {
            servers.put(upstream.interfaceName(), upstream.servers().stream().map(ServerPath::toString).toList());
        }
        return servers;
    }

    @Test
    void theDnsKeyNamesTheServersAndTheirSourceIsTheInterfacesAddress() {
        ServerSelection.Plan plan = plan(servers("192.0.2.53"),
                link("c1", "198.18.1.2", 24, "198.18.1.1, 203.0.113.53"), link("c2", "198.18.2.2", 24, "198.18.2.1"));

        assertEquals(Map.of("c1", List.of("198.18.1.1 from 198.18.1.2", "203.0.113.53 from 198.18.1.2"),
                "c2", List.of("198.18.2.1 from 198.18.2.2")), servers(plan));
        assertEquals(new InetSocketAddress(address("198.18.1.1"), 53),
                plan.upstreams().get(0).servers().get(0).server());
        assertEquals(0, routeReads.get());
    }

    @Test
    void withoutDnsKeyAnOnLinkServerBelongsToItsLinkOnly() {
        routes.add(new Route(address("0.0.0.0"), 0, "c1"));
        routes.add(new Route(address("0.0.0.0"), 0, "c2"));

        ServerSelection.Plan plan = plan(servers("198.18.2.1"), link("c1", "198.18.1.2", 24, null),
                link("c2", "198.18.2.2", 24, null));

        assertEquals(Map.of("c2", List.of("198.18.2.1 from 198.18.2.2")), servers(plan));
        assertTrue(plan.skipped().get("c1").startsWith("no DNS server: no dns key, and none of the resolv.conf"
                + " servers [198.18.2.1] is reachable via it"), plan.skipped().toString());
    }

    @Test
    void aServerBehindDefaultRoutesIsAskedOnEveryUplink() {
        routes.add(new Route(address("0.0.0.0"), 0, "c1"));
        routes.add(new Route(address("0.0.0.0"), 0, "c2"));

        ServerSelection.Plan plan = plan(servers("192.0.2.53"), link("c1", "198.18.1.2", 24, null),
                link("c2", "198.18.2.2", 24, null), link("c3", "198.18.3.2", 24, null));

        assertEquals(Map.of("c1", List.of("192.0.2.53 from 198.18.1.2"), "c2", List.of("192.0.2.53 from 198.18.2.2")),
                servers(plan));
        assertEquals(List.of("c3"), List.copyOf(plan.skipped().keySet()));
        assertEquals(1, routeReads.get());
    }

    @Test
    void theMostSpecificRouteDecides() {
        routes.add(new Route(address("0.0.0.0"), 0, "c1"));
        routes.add(new Route(address("10.0.0.0"), 8, "vpn0"));

        ServerSelection.Plan plan = plan(servers("10.1.2.3", "192.0.2.53"), link("c1", "198.18.1.2", 24, null),
                link("vpn0", "10.8.0.2", 32, null));

        assertEquals(Map.of("c1", List.of("192.0.2.53 from 198.18.1.2"), "vpn0", List.of("10.1.2.3 from 10.8.0.2")),
                servers(plan));
    }

    @Test
    void aLocalCachingDaemonIsNeverTakenForAnInterfacesServer() {
        routes.add(new Route(address("0.0.0.0"), 0, "c1"));
        routes.add(new Route(address("127.0.0.0"), 8, "c1"));

        ServerSelection.Plan plan = plan(servers("127.0.0.53", "0.0.0.0", "::1"), link("c1", "198.18.1.2", 24, null));

        assertEquals(Map.of(), servers(plan));
        assertTrue(plan.skipped().containsKey("c1"));
    }

    @Test
    void aLoopbackInterfaceIsAskedOnlyWithADnsKey() {
        ServerSelection.Plan without = plan(servers("192.0.2.53"), link("lo", "127.0.0.1", 8, null));
        assertEquals(Map.of(), servers(without));
        assertEquals(Map.of(), without.skipped());

        ServerSelection.Plan with = plan(servers(), link("lo", "127.0.0.1", 8, "127.0.0.53"));
        assertEquals(Map.of("lo", List.of("127.0.0.53 from 127.0.0.1")), servers(with));
    }

    @Test
    void downInterfacesAndThoseNotEnabledForDestinationsAreLeftOut() {
        ServerSelection.Plan plan = plan(servers(),
                link("c1", "198.18.1.2", 24, "198.18.1.1").toBuilder().up(false).build(),
                link("c2", "198.18.2.2", 24, "198.18.2.1").toBuilder().destinationEnabled(false).build());

        assertEquals(Map.of(), servers(plan));
        assertEquals(Map.of(), plan.skipped());
    }

    @Test
    void serversOfAFamilyTheInterfaceHasNoAddressOfAreLeftOut() {
        ServerSelection.Plan plan = plan(servers(), link("c1", "198.18.1.2", 24, "2001:db8::53, 198.18.1.1"),
                link("c2", "198.18.2.2", 24, "2001:db8::53"));

        assertEquals(Map.of("c1", List.of("198.18.1.1 from 198.18.1.2")), servers(plan));
        assertEquals("no source address of the family of its DNS servers [2001:db8:0:0:0:0:0:53]",
                plan.skipped().get("c2"));
    }
}
