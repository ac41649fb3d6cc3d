package org.socketintents.resolver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.socketintents.resolver.internal.TestSetup.address;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socketintents.api.net.AddressFamily;
import org.socketintents.api.resolver.CacheEntry;
import org.socketintents.api.resolver.InterfaceAnswer.Outcome;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

class AnswerCacheTest {

    private static final Name WWW = FakeDnsServer.name("www.test.");
    private static final Name MAIL = FakeDnsServer.name("mail.test.");

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final AnswerCache cache = new AnswerCache(clock::get);

    @BeforeEach
    void limits() {
        cache.limits(10, 3600, 600);
    }

    private static TypeAnswer found(String address, long ttl) {
        return new TypeAnswer(Outcome.ADDRESSES, List.of(address(address)), WWW, ttl, address("127.0.0.53"), null);
    }

    private static TypeAnswer missing(long ttl) {
        return new TypeAnswer(Outcome.NO_SUCH_NAME, List.of(), null, ttl, address("127.0.0.53"), null);
    }

    private void advanceSeconds(long seconds) {
        clock.addAndGet(TimeUnit.SECONDS.toNanos(seconds));
    }

    @Test
    void anAnswerIsKeptForItsTtlWithTheRemainingTtl() {
        cache.put("i1", WWW, Type.A, found("192.0.2.1", 300));

        advanceSeconds(100);
        TypeAnswer cached = cache.get("i1", WWW, Type.A).orElseThrow();
        assertEquals(200, cached.ttlSeconds());
        assertEquals(List.of(address("192.0.2.1")), cached.addresses());
        assertEquals(WWW, cached.canonicalName());
        assertEquals(null, cached.server());

        advanceSeconds(200);
        assertTrue(cache.get("i1", WWW, Type.A).isEmpty());
    }

    @Test
    void entriesAreKeyedByInterfaceNameAndType() {
        cache.put("i1", WWW, Type.A, found("192.0.2.1", 300));

        assertTrue(cache.get("i2", WWW, Type.A).isEmpty());
        assertTrue(cache.get("i1", WWW, Type.AAAA).isEmpty());
        assertTrue(cache.get("i1", MAIL, Type.A).isEmpty());
        assertTrue(cache.get("i1", FakeDnsServer.name("WWW.Test."), Type.A).isPresent());
    }

    @Test
    void failuresAndZeroTtlsAreNeverKept() {
        cache.put("i1", WWW, Type.A, TypeAnswer.failed("timed out"));
        cache.put("i1", MAIL, Type.A, found("192.0.2.1", 0));

        assertTrue(cache.get("i1", WWW, Type.A).isEmpty());
        assertTrue(cache.get("i1", MAIL, Type.A).isEmpty());
    }

    @Test
    void positiveAndNegativeTtlsAreCappedSeparately() {
        cache.put("i1", WWW, Type.A, found("192.0.2.1", 86_400));
        cache.put("i1", MAIL, Type.A, missing(86_400));

        assertEquals(3600, cache.get("i1", WWW, Type.A).orElseThrow().ttlSeconds());
        assertEquals(600, cache.get("i1", MAIL, Type.A).orElseThrow().ttlSeconds());
    }

    @Test
    void theLeastRecentlyUsedEntryMakesRoom() {
        cache.limits(2, 3600, 600);
        cache.put("i1", WWW, Type.A, found("192.0.2.1", 300));
        cache.put("i1", MAIL, Type.A, found("192.0.2.2", 300));
        cache.get("i1", WWW, Type.A);
        cache.put("i2", WWW, Type.A, found("192.0.2.3", 300));

        assertTrue(cache.get("i1", WWW, Type.A).isPresent());
        assertTrue(cache.get("i1", MAIL, Type.A).isEmpty());
        assertTrue(cache.get("i2", WWW, Type.A).isPresent());
    }

    @Test
    void shrinkingTheCacheEvictsAndZeroDisablesIt() {
        cache.put("i1", WWW, Type.A, found("192.0.2.1", 300));
        cache.limits(0, 3600, 600);
        assertTrue(cache.get("i1", WWW, Type.A).isEmpty());

        cache.put("i1", WWW, Type.A, found("192.0.2.1", 300));
        assertTrue(cache.get("i1", WWW, Type.A).isEmpty());
    }

    @Test
    void interfacesHoldingAnAddressComeMostRecentFirst() {
        cache.put("i1", WWW, Type.A, found("192.0.2.1", 300));
        advanceSeconds(1);
        cache.put("i2", WWW, Type.A, found("192.0.2.1", 30));
        cache.put("i3", WWW, Type.A, found("192.0.2.9", 300));

        assertEquals(List.of("i2", "i1"), cache.interfacesHolding(address("192.0.2.1")));
        advanceSeconds(30);
        assertEquals(List.of("i1"), cache.interfacesHolding(address("192.0.2.1")));
    }

    @Test
    void entriesListTheNamesAskedAboutOnEveryInterface() {
        cache.put("i2", WWW, Type.AAAA, found("2001:db8::1", 300));
        cache.put("i1", WWW, Type.A, found("192.0.2.1", 300));
        cache.put("i1", MAIL, Type.A, missing(60));

        assertEquals(List.of(
                new CacheEntry("i1", "www.test.", AddressFamily.INET, Outcome.ADDRESSES, List.of(address("192.0.2.1")),
                        "www.test.", Duration.ofSeconds(300)),
                new CacheEntry("i2", "www.test.", AddressFamily.INET6, Outcome.ADDRESSES,
                        List.of(address("2001:db8::1")), "www.test.", Duration.ofSeconds(300))),
                cache.entries(List.of(WWW)));
    }
}
