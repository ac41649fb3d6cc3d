package org.socketintents.mam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.DecisionRequest;
import org.socketintents.api.policy.Destination;
import org.socketintents.api.policy.RequestKind;

class DecisionCompleterTest {

    private static DecisionRequest resolveOf(String... addresses) throws Exception {
        DecisionRequest.Builder b = DecisionRequest.builder(RequestKind.RESOLVE).host("example.test")
                .interfaces(PaperInterfaces.snapshot());
        for (String a : addresses) {
            b.addDestination(Destination.of(InetAddress.getByName(a)));
        }
        return b.build();
    }

    @Test
    void chosenInterfaceBecomesSourceAddressOfTheDestinationFamily() throws Exception {
        Decision v4 = DecisionCompleter.complete(Decision.builder().sourceInterface("i1").reason("r").build(),
                resolveOf("192.0.2.1"));
        assertEquals(Optional.of(InetAddress.getByName("198.18.1.2")), v4.sourceAddress());

        Decision v6 = DecisionCompleter.complete(Decision.builder().sourceInterface("i1").reason("r").build(),
                resolveOf("2001:db8:ff::1"));
        assertEquals(Optional.of(InetAddress.getByName("2001:db8:1::2")), v6.sourceAddress());
    }

    @Test
    void interfaceWithoutAnAddressOfTheFamilyLeavesTheSourceToTheOs() throws Exception {
        Decision d = DecisionCompleter.complete(Decision.builder().sourceInterface("i2").reason("r").build(),
                resolveOf("2001:db8:ff::1"));
        assertEquals(Optional.empty(), d.sourceInterface());
        assertEquals(Optional.empty(), d.sourceAddress());
        assertTrue(d.reason().contains("i2 has no IPv6 address"), d.reason());
    }

    @Test
    void unknownOrDisabledInterfaceIsDroppedWithAReason() throws Exception {
        Decision unknown = DecisionCompleter.complete(Decision.builder().sourceInterface("wlan9").reason("r").build(),
                resolveOf("192.0.2.1"));
        assertEquals(Optional.empty(), unknown.sourceInterface());
        assertTrue(unknown.reason().contains("wlan9 is not usable"), unknown.reason());

        Decision disabled = DecisionCompleter.complete(Decision.builder().sourceInterface("lo").reason("r").build(),
                resolveOf("192.0.2.1"));
        assertEquals(Optional.empty(), disabled.sourceInterface());
    }

    @Test
    void destinationsMayBeReorderedOrDroppedButNotInvented() throws Exception {
        DecisionRequest request = resolveOf("192.0.2.1", "192.0.2.2", "192.0.2.3");
        Decision d = DecisionCompleter.complete(Decision.builder()
                .addDestination(Destination.of(InetAddress.getByName("192.0.2.3")))
                .addDestination(Destination.of(InetAddress.getByName("203.0.113.66")))
                .addDestination(Destination.of(InetAddress.getByName("192.0.2.1")))
                .reason("r").build(), request);
        assertEquals(List.of(Destination.of(InetAddress.getByName("192.0.2.3")),
                Destination.of(InetAddress.getByName("192.0.2.1"))), d.destinations());
    }

    @Test
    void noOrderFromThePolicyKeepsTheResolverOrder() throws Exception {
        DecisionRequest request = resolveOf("192.0.2.1", "192.0.2.2");
        Decision d = DecisionCompleter.complete(Decision.osDefault("none"), request);
        assertEquals(request.destinations(), d.destinations());
    }
}
