package org.socketintents.resolver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.socketintents.resolver.internal.TestSetup.address;

import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.socketintents.api.net.AddressFamily;
import org.socketintents.api.policy.Destination;
import org.socketintents.api.resolver.InterfaceAnswer;
import org.socketintents.api.resolver.InterfaceAnswer.Outcome;
import org.socketintents.api.resolver.Resolution;
import org.socketintents.api.resolver.Resolution.Completion;

/** The SPI's value types, as the MAM will use them. */
class ResolutionTest {

    private static InterfaceAnswer answer(String interfaceName, Outcome outcome, String error, String... addresses) {
        return new InterfaceAnswer(interfaceName, outcome, Arrays.stream(addresses).map(TestSetup::address)
                .toList(), null, Duration.ofSeconds(60), Duration.ofMillis(5), false, null, error);
    }

    @Test
    void destinationsFollowTheOrderOfTheAnswersAndKeepEveryTag() throws UnknownHostException {
        Resolution resolution = new Resolution("www.test", AddressFamily.ANY, List.of(
                answer("i2", Outcome.ADDRESSES, null, "192.0.2.9", "2001:db8::9"),
                answer("i3", Outcome.FAILED, "timed out"),
                answer("i1", Outcome.ADDRESSES, null, "192.0.2.9")), Set.of(), Map.of(), Completion.ALL_ANSWERED,
                Duration.ofMillis(7));

        List<Destination> expected = List.of(new Destination(address("192.0.2.9"), "i2"),
                new Destination(address("2001:db8::9"), "i2"), new Destination(address("192.0.2.9"), "i1"));
        assertEquals(expected, resolution.destinations());
        assertEquals(expected, resolution.destinationsOrThrow());
        assertEquals("timed out", resolution.answer("i3").orElseThrow().error());
    }

    @Test
    void withoutAddressesTheUnknownHostSaysWhatEveryInterfaceDid() {
        Resolution resolution = new Resolution("www.test", AddressFamily.INET, List.of(
                answer("i1", Outcome.NO_SUCH_NAME, null), answer("i2", Outcome.FAILED, "no valid reply: x")),
                Set.of("i3"), Map.of("i4", "no DNS server"), Completion.DEADLINE, Duration.ofSeconds(10));

        assertEquals("www.test: i1: NO_SUCH_NAME; i2: FAILED (no valid reply: x); i3: no answer before the resolution"
                + " ended (DEADLINE); i4: not asked (no DNS server)",
                assertThrows(UnknownHostException.class, resolution::destinationsOrThrow).getMessage());
    }

    @Test
    void anAnswerHasAddressesExactlyWhenItsOutcomeSaysSo() {
        assertThrows(IllegalArgumentException.class, () -> answer("i1", Outcome.ADDRESSES, null));
        assertThrows(IllegalArgumentException.class, () -> answer("i1", Outcome.NO_ADDRESS, null, "192.0.2.1"));
    }
}
