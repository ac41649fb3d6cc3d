package org.socketintents.resolver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.socketintents.api.net.AddressFamily;
import org.socketintents.api.resolver.InterfaceAnswer;
import org.socketintents.api.resolver.InterfaceAnswer.Outcome;
import org.socketintents.api.resolver.Resolution;
import org.socketintents.api.resolver.Resolution.Completion;

/** When a resolution ends, with answers completed in a known order. */
class ResolutionCollectorTest {

    private final ResolutionCollector collector = new ResolutionCollector("www.test", AddressFamily.INET,
            Map.of("i9", "no DNS server"), System.nanoTime());
    private final List<Resolution> asked = new ArrayList<>();

    private static InterfaceAnswer addresses(String interfaceName, String address) {
        return new InterfaceAnswer(interfaceName, Outcome.ADDRESSES, List.of(TestSetup.address(address)),
                "www.test.", Duration.ofSeconds(60), Duration.ZERO, false, null, null);
    }

    private static InterfaceAnswer noSuchName(String interfaceName) {
        return new InterfaceAnswer(interfaceName, Outcome.NO_SUCH_NAME, List.of(), null, Duration.ofSeconds(60),
                Duration.ZERO, false, null, null);
    }

    private CompletableFuture<InterfaceAnswer> expect(String interfaceName) {
        CompletableFuture<InterfaceAnswer> answer = new CompletableFuture<>();
        collector.expect(interfaceName, answer);
        return answer;
    }

    @Test
    void enoughIsAskedOnlyOnceSomeAddressIsKnown() {
        expect("i1").complete(noSuchName("i1"));
        expect("i2").complete(addresses("i2", "192.0.2.2"));
        expect("i3");

        Resolution resolution = collector.await(soFar -> {
            asked.add(soFar);
            return true;
        }, Duration.ofSeconds(10));

        assertEquals(Completion.ENOUGH, resolution.completion());
        assertEquals(1, asked.size());
        Resolution soFar = asked.get(0);
        assertEquals(Completion.IN_PROGRESS, soFar.completion());
        assertEquals(Set.of("i3"), soFar.pending());
        assertEquals(List.of("i1", "i2"), soFar.answers().stream().map(InterfaceAnswer::interfaceName).toList());
        assertEquals(Set.of("i3"), resolution.pending());
        assertEquals(Map.of("i9", "no DNS server"), resolution.skipped());
    }

    @Test
    void theLastAnswerEndsTheResolutionWithoutAskingEnough() {
        expect("i1").complete(noSuchName("i1"));
        expect("i2").complete(addresses("i2", "192.0.2.2"));

        Resolution resolution = collector.await(soFar -> {
            asked.add(soFar);
            return true;
        }, Duration.ofSeconds(10));

        assertEquals(Completion.ALL_ANSWERED, resolution.completion());
        assertEquals(List.of(), asked);
        assertEquals(Set.of(), resolution.pending());
    }

    @Test
    void notEnoughWaitsForTheNextAnswer() {
        expect("i1").complete(addresses("i1", "192.0.2.1"));
        expect("i2").complete(addresses("i2", "192.0.2.2"));
        expect("i3");

        Resolution resolution = collector.await(soFar -> soFar.answer("i2").isPresent(), Duration.ofSeconds(10));

        assertEquals(Completion.ENOUGH, resolution.completion());
        assertEquals(2, resolution.answers().size());
    }

    @Test
    void aThrowingPredicateCountsAsNotEnough() {
        expect("i1").complete(addresses("i1", "192.0.2.1"));
        expect("i2").complete(addresses("i2", "192.0.2.2"));

        Resolution resolution = collector.await(soFar -> {
            throw new IllegalStateException("policy bug");
        }, Duration.ofSeconds(10));

        assertEquals(Completion.ALL_ANSWERED, resolution.completion());
        assertEquals(2, resolution.answers().size());
    }

    @Test
    void theDeadlineEndsTheWaitWithThePendingInterfaces() {
        expect("i1").complete(addresses("i1", "192.0.2.1"));
        expect("i2");

        Resolution resolution = collector.await(soFar -> false, Duration.ofMillis(50));

        assertEquals(Completion.DEADLINE, resolution.completion());
        assertEquals(Set.of("i2"), resolution.pending());
        assertEquals(List.of(TestSetup.address("192.0.2.1")),
                resolution.destinations().stream().map(d -> d.address()).toList());
    }

    @Test
    void anInterruptEndsTheWaitAndStaysSet() {
        expect("i1");
        Thread.currentThread().interrupt();

        Resolution resolution = collector.await(soFar -> false, Duration.ofSeconds(10));

        assertTrue(Thread.interrupted());
        assertEquals(Completion.INTERRUPTED, resolution.completion());
        assertEquals(Set.of("i1"), resolution.pending());
    }

    @Test
    void aLookupThatBreaksBecomesAFailedAnswer() {
        expect("i1").completeExceptionally(new IllegalStateException("bug"));

        Resolution resolution = collector.await(soFar -> false, Duration.ofSeconds(10));

        InterfaceAnswer answer = resolution.answer("i1").orElseThrow();
        assertEquals(Outcome.FAILED, answer.outcome());
        assertEquals("internal error: java.lang.IllegalStateException: bug", answer.error());
    }

    @Test
    void withNothingToAskTheResolutionIsCompleteAtOnce() {
        Resolution resolution = collector.await(soFar -> false, Duration.ofSeconds(10));

        assertEquals(Completion.ALL_ANSWERED, resolution.completion());
        assertEquals(List.<InetAddress>of(), resolution.destinations().stream().map(d -> d.address()).toList());
    }
}
