package org.socketintents.resolver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.socketintents.resolver.internal.TestSetup.address;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.socketintents.api.net.AddressFamily;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.resolver.CacheEntry;
import org.socketintents.api.resolver.InterfaceAnswer;
import org.socketintents.api.resolver.InterfaceAnswer.Outcome;
import org.socketintents.api.resolver.MultiInterfaceResolver;
import org.socketintents.api.resolver.Resolution;
import org.socketintents.api.resolver.Resolution.Completion;

class ResolveCommandTest {

    private final Interfaces interfaces = TestSetup.interfaces(TestSetup.link("c1", "198.18.1.2", "198.18.1.1"));
    private final List<AddressFamily> asked = new ArrayList<>();

    private final Resolution resolution = new Resolution("www.lab.test", AddressFamily.ANY, List.of(
            new InterfaceAnswer("c1", Outcome.ADDRESSES, List.of(address("198.18.1.80")), "www.lab.test.",
                    Duration.ofSeconds(300), Duration.ofMillis(3), false, address("198.18.1.1"), null),
            new InterfaceAnswer("c2", Outcome.FAILED, List.of(), null, Duration.ZERO, Duration.ofMillis(1000), false,
                    null, "no valid reply: 198.18.2.1 from 198.18.2.2: timed out after 500 ms (2 attempts)"),
            new InterfaceAnswer("c3", Outcome.NO_SUCH_NAME, List.of(), null, Duration.ofSeconds(60), Duration.ZERO,
                    true, null, null)),
            Set.of("c4"), Map.of("wlan0", "no DNS server"), Completion.DEADLINE, Duration.ofMillis(1500));

    private final MultiInterfaceResolver resolver = new MultiInterfaceResolver() {
        @Override
        public Resolution resolve(String host, AddressFamily family, Interfaces given, Predicate<Resolution> enough) {
            assertEquals(interfaces, given);
            asked.add(family);
            return resolution;
        }

        @Override
        public List<String> learnedOn(InetAddress address) {
            return List.of();
        }

        @Override
        public List<CacheEntry> cached(String host) {
            return List.of(new CacheEntry("c1", "www.lab.test.", AddressFamily.INET, Outcome.ADDRESSES,
                    List.of(address("198.18.1.80")), "www.lab.test.", Duration.ofSeconds(299)));
        }

        @Override
        public void clearCache() {
        }
    };

    private final ResolveCommand command = new ResolveCommand(resolver, () -> interfaces);

    @Test
    void showsEachInterfacesAnswerLatencyAndTheCache() {
        String expected = String.join("\n",
                "www.lab.test ANY: DEADLINE after 1500 ms",
                "  c1           ADDRESSES         3 ms  198.18.1.1  ttl 300 s  198.18.1.80  (www.lab.test.)",
                "  c2           FAILED         1000 ms  -  no valid reply: 198.18.2.1 from 198.18.2.2: timed out"
                        + " after 500 ms (2 attempts)",
                "  c3           NO_SUCH_NAME      0 ms  cache  ttl 60 s",
                "  c4           PENDING     ",
                "  wlan0        NOT ASKED    no DNS server",
                "cache",
                "  c1           www.lab.test.            A    ADDRESSES       299 s left  198.18.1.80");

        assertEquals(expected, command.resolve("www.lab.test"));
        assertEquals(List.of(AddressFamily.ANY), asked);
    }

    @Test
    void theFamilyCanBeChosen() {
        command.resolve("www.lab.test", "inet6");
        command.resolve("www.lab.test", "4");
        assertEquals(List.of(AddressFamily.INET6, AddressFamily.INET), asked);
        assertEquals("not an address family: 'ipx'; one of any, inet, inet6",
                assertThrows(IllegalArgumentException.class, () -> command.resolve("www.lab.test", "ipx"))
                        .getMessage());
    }

    @Test
    void anEmptyCacheAndNoInterfacesAreSaidSo() {
        Resolution nothing = new Resolution("www.lab.test", AddressFamily.INET, List.of(), Set.of(), Map.of(),
                Completion.ALL_ANSWERED, Duration.ZERO);
        assertEquals(String.join("\n",
                "www.lab.test INET: ALL_ANSWERED after 0 ms",
                "  no interface is up and enabled for destinations",
                "cache",
                "  nothing cached for this name"), ResolveCommand.format(nothing, List.of()));
    }
}
