package org.socketintents.resolver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.socketintents.resolver.internal.TestSetup.address;
import static org.socketintents.resolver.internal.TestSetup.interfaces;
import static org.socketintents.resolver.internal.TestSetup.link;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.socketintents.api.net.AddressFamily;
import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.policy.Destination;
import org.socketintents.api.resolver.CacheEntry;
import org.socketintents.api.resolver.InterfaceAnswer;
import org.socketintents.api.resolver.InterfaceAnswer.Outcome;
import org.socketintents.api.resolver.Resolution;
import org.socketintents.api.resolver.Resolution.Completion;
import org.socketintents.resolver.internal.FakeDnsServer.Fault;
import org.xbill.DNS.Type;

/**
 * The resolver against DNS servers on loopback: two "interfaces" with the source addresses 127.0.0.1 and 127.0.0.2,
 * whose servers listen on 127.0.0.53 and 127.0.0.54 and answer www.test. differently.
 */
class ParallelResolverTest {

    private static final Predicate<Resolution> ALL = resolution -> false;

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong();
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private FakeDnsServer one;
    private FakeDnsServer two;
    private Path resolvConf;
    private final InterfaceDescription i1 = link("i1", "127.0.0.1", "127.0.0.53");
    private final InterfaceDescription i2 = link("i2", "127.0.0.2", "127.0.0.54");
    private final Interfaces both = interfaces(i1, i2);

    @BeforeEach
    void startServers() throws IOException {
        one = server("127.0.0.53", 0);
        two = server("127.0.0.54", one.port());
        one.add("www.test.", "A", 300, "192.0.2.1").add("www.test.", "AAAA", 300, "2001:db8::1");
        two.add("www.test.", "A", 120, "198.51.100.2").add("www.test.", "AAAA", 120, "2001:db8::2");
        resolvConf = Files.writeString(dir.resolve("resolv.conf"), "");
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
    }

    private FakeDnsServer server(String address, int port) throws IOException {
        FakeDnsServer server = FakeDnsServer.start(address, port);
        closeables.add(server);
        return server;
    }

    private TestSetup setup() {
        return new TestSetup(resolvConf, one.port());
    }

    private ParallelResolver resolver(TestSetup setup) {
        ParallelResolver resolver = new ParallelResolver(setup.settings(), List::of, clock::get);
        closeables.add(0, resolver);
        return resolver;
    }

    private ParallelResolver resolver() {
        return resolver(setup());
    }

    private static InterfaceAnswer answer(Resolution resolution, String interfaceName) {
        return resolution.answer(interfaceName).orElseThrow(() -> new AssertionError(interfaceName
                + " did not answer: " + resolution));
    }

    private static List<InetAddress> addresses(String... literals) {
        return Arrays.stream(literals).map(TestSetup::address).toList();
    }

    @Test
    void eachInterfaceAsksItsOwnServerFromItsOwnAddressAndTagsWhatItLearns() {
        Resolution resolution = resolver().resolve("www.test", AddressFamily.ANY, both, ALL);

        assertEquals(Completion.ALL_ANSWERED, resolution.completion());
        InterfaceAnswer first = answer(resolution, "i1");
        assertEquals(Outcome.ADDRESSES, first.outcome());
        assertEquals(addresses("192.0.2.1", "2001:db8::1"), first.addresses());
        assertEquals("www.test.", first.canonicalName());
        assertEquals(Duration.ofSeconds(300), first.ttl());
        assertEquals(address("127.0.0.53"), first.server());
        assertFalse(first.fromCache());
        assertNull(first.error());
        assertEquals(addresses("198.51.100.2", "2001:db8::2"), answer(resolution, "i2").addresses());
        assertEquals(Duration.ofSeconds(120), answer(resolution, "i2").ttl());
        assertTrue(resolution.destinations().containsAll(List.of(
                new Destination(address("192.0.2.1"), "i1"), new Destination(address("2001:db8::1"), "i1"),
                new Destination(address("198.51.100.2"), "i2"), new Destination(address("2001:db8::2"), "i2"))));
        assertEquals(4, resolution.destinations().size());

        assertTrue(one.queries().stream().allMatch(q -> q.source().equals(address("127.0.0.1")) && !q.tcp()));
        assertTrue(two.queries().stream().allMatch(q -> q.source().equals(address("127.0.0.2")) && !q.tcp()));
        assertEquals(Set.of(Type.A, Type.AAAA), one.queries().stream().map(FakeDnsServer.Query::type)
                .collect(Collectors.toSet()));
    }

    @Test
    void aFamilyAsksOnlyForItsRecordType() {
        Resolution resolution = resolver().resolve("www.test", AddressFamily.INET6, interfaces(i1), ALL);

        assertEquals(addresses("2001:db8::1"), answer(resolution, "i1").addresses());
        assertEquals(List.of(Type.AAAA), one.queries().stream().map(FakeDnsServer.Query::type).toList());
    }

    @Test
    void enoughEndsTheResolutionWithoutWaitingForTheSlowInterface() {
        two.delay(Duration.ofSeconds(10));
        ParallelResolver resolver = resolver(setup().timeout(Duration.ofSeconds(5)).deadline(Duration.ofSeconds(20)));

        Resolution resolution = resolver.resolve("www.test", AddressFamily.INET, both,
                soFar -> soFar.answer("i1").isPresent());

        assertEquals(Completion.ENOUGH, resolution.completion());
        assertEquals(Set.of("i2"), resolution.pending());
        assertEquals(List.of(new Destination(address("192.0.2.1"), "i1")), resolution.destinations());
    }

    @Test
    void aSilentServerTimesOutAfterItsRetriesWhileTheOtherInterfaceAnswers() {
        two.fault(Fault.DROP);
        ParallelResolver resolver = resolver(setup().timeout(Duration.ofMillis(500)).retries(1));

        Resolution resolution = resolver.resolve("www.test", AddressFamily.INET, both, ALL);

        assertEquals(Completion.ALL_ANSWERED, resolution.completion());
        assertEquals(addresses("192.0.2.1"), answer(resolution, "i1").addresses());
        InterfaceAnswer silent = answer(resolution, "i2");
        assertEquals(Outcome.FAILED, silent.outcome());
        assertEquals("no valid reply: 127.0.0.54 from 127.0.0.2: timed out after 500 ms (2 attempts)",
                silent.error());
        assertTrue(silent.latency().compareTo(Duration.ofMillis(1000)) >= 0, silent.latency().toString());
        assertEquals(2, two.queries().size());
        assertTrue(resolver.cached("www.test").stream().noneMatch(e -> e.interfaceName().equals("i2")));
    }

    @Test
    void aRetryAfterALostReplySucceeds() {
        one.faultFirst(1, Fault.DROP);
        Resolution resolution = resolver(setup().timeout(Duration.ofMillis(500)).retries(1))
                .resolve("www.test", AddressFamily.INET, interfaces(i1), ALL);

        assertEquals(addresses("192.0.2.1"), answer(resolution, "i1").addresses());
        assertEquals(2, one.queries().size());
    }

    @Test
    void theNextServerIsAskedWhenOneFails() throws IOException {
        FakeDnsServer failing = server("127.0.0.55", one.port()).fault(Fault.SERVFAIL);
        Resolution resolution = resolver().resolve("www.test", AddressFamily.INET,
                interfaces(link("i1", "127.0.0.1", "127.0.0.55, 127.0.0.53")), ALL);

        InterfaceAnswer answer = answer(resolution, "i1");
        assertEquals(addresses("192.0.2.1"), answer.addresses());
        assertEquals(address("127.0.0.53"), answer.server());
        assertEquals(1, failing.queries().size());
    }

    @Test
    void aTruncatedReplyIsAskedAgainOverTcp() {
        one.fault(Fault.TRUNCATE);
        Resolution resolution = resolver().resolve("www.test", AddressFamily.INET, interfaces(i1), ALL);

        assertEquals(addresses("192.0.2.1"), answer(resolution, "i1").addresses());
        assertEquals(List.of(false, true), one.queries().stream().map(FakeDnsServer.Query::tcp).toList());
        assertEquals(address("127.0.0.1"), one.queries().get(1).source());
    }

    @Test
    void withoutTcpFallbackATruncatedReplyWithoutAddressesFails() {
        one.fault(Fault.TRUNCATE);
        Resolution resolution = resolver(setup().tcpOnTruncation(false))
                .resolve("www.test", AddressFamily.INET, interfaces(i1), ALL);

        InterfaceAnswer answer = answer(resolution, "i1");
        assertEquals(Outcome.FAILED, answer.outcome());
        assertTrue(answer.error().contains("truncated reply without addresses"), answer.error());
        assertEquals(List.of(false), one.queries().stream().map(FakeDnsServer.Query::tcp).toList());
    }

    @ParameterizedTest
    @CsvSource({
        "GARBAGE, malformed or mismatched reply",
        "WRONG_ID, invalid message id",
        "WRONG_QUESTION, invalid name in message",
        "NOT_A_RESPONSE, not a response (QR flag clear)",
        "SERVFAIL, server answered SERVFAIL"
    })
    void badRepliesFailWithAClearErrorAndAreNeverCached(Fault fault, String expected) {
        one.fault(fault);
        ParallelResolver resolver = resolver();

        InterfaceAnswer answer = answer(resolver.resolve("www.test", AddressFamily.INET, interfaces(i1), ALL), "i1");

        assertEquals(Outcome.FAILED, answer.outcome());
        assertTrue(answer.error().startsWith("no valid reply: 127.0.0.53 from 127.0.0.1: "), answer.error());
        assertTrue(answer.error().contains(expected), answer.error());
        assertEquals(List.of(), resolver.cached("www.test"));
        assertEquals(List.of(), resolver.cached("victim.test"));

        one.fault(Fault.NONE);
        InterfaceAnswer later = answer(resolver.resolve("www.test", AddressFamily.INET, interfaces(i1), ALL), "i1");
        assertEquals(addresses("192.0.2.1"), later.addresses());
    }

    @Test
    void recordsAboutOtherNamesAreIgnored() {
        one.fault(Fault.EXTRA_RECORDS);
        ParallelResolver resolver = resolver();

        InterfaceAnswer answer = answer(resolver.resolve("www.test", AddressFamily.INET, interfaces(i1), ALL), "i1");

        assertEquals(addresses("192.0.2.1"), answer.addresses());
        assertEquals(List.of(), resolver.cached("victim.test"));
        assertEquals(List.of(), resolver.learnedOn(address("203.0.113.66")));
    }

    @Test
    void aNegativeAnswerIsCachedForTheSmallerOfTheSoaTtlAndItsMinimum() {
        one.soa(3600, 60);
        ParallelResolver resolver = resolver();

        InterfaceAnswer first = answer(resolver.resolve("nothing.test.", AddressFamily.INET, interfaces(i1), ALL),
                "i1");
        assertEquals(Outcome.NO_SUCH_NAME, first.outcome());
        assertEquals(Duration.ofSeconds(60), first.ttl());

        InterfaceAnswer second = answer(resolver.resolve("nothing.test.", AddressFamily.INET, interfaces(i1), ALL),
                "i1");
        assertEquals(Outcome.NO_SUCH_NAME, second.outcome());
        assertTrue(second.fromCache());
        assertEquals(1, one.queries().size());
        assertEquals(List.of(new CacheEntry("i1", "nothing.test.", AddressFamily.INET, Outcome.NO_SUCH_NAME,
                List.of(), null, Duration.ofSeconds(60))), resolver.cached("nothing.test."));

        clock.addAndGet(TimeUnit.SECONDS.toNanos(61));
        assertFalse(answer(resolver.resolve("nothing.test.", AddressFamily.INET, interfaces(i1), ALL), "i1")
                .fromCache());
        assertEquals(2, one.queries().size());
    }

    @Test
    void theSoaTtlLimitsTheNegativeTtlToo() {
        one.soa(30, 600);
        InterfaceAnswer answer = answer(resolver().resolve("nothing.test.", AddressFamily.INET, interfaces(i1), ALL),
                "i1");
        assertEquals(Duration.ofSeconds(30), answer.ttl());
    }

    @Test
    void aNegativeAnswerWithoutSoaIsNotCached() {
        one.withoutSoa();
        ParallelResolver resolver = resolver();
        resolver.resolve("nothing.test.", AddressFamily.INET, interfaces(i1), ALL);
        InterfaceAnswer again = answer(resolver.resolve("nothing.test.", AddressFamily.INET, interfaces(i1), ALL),
                "i1");

        assertEquals(Outcome.NO_SUCH_NAME, again.outcome());
        assertFalse(again.fromCache());
        assertEquals(2, one.queries().size());
    }

    @Test
    void aNameThatExistsWithoutAddressesIsNoAddress() {
        one.add("mail.test.", "MX", 300, "10 mx.test.");
        InterfaceAnswer answer = answer(resolver().resolve("mail.test.", AddressFamily.ANY, interfaces(i1), ALL),
                "i1");
        assertEquals(Outcome.NO_ADDRESS, answer.outcome());
    }

    @Test
    void cachedAddressesAreServedUntilTheirTtlRunsOut() {
        ParallelResolver resolver = resolver();
        resolver.resolve("www.test", AddressFamily.INET, interfaces(i1), ALL);

        clock.addAndGet(TimeUnit.SECONDS.toNanos(299));
        InterfaceAnswer cached = answer(resolver.resolve("www.test", AddressFamily.INET, interfaces(i1), ALL), "i1");
        assertTrue(cached.fromCache());
        assertNull(cached.server());
        assertEquals(Duration.ofSeconds(1), cached.ttl());
        assertEquals(addresses("192.0.2.1"), cached.addresses());
        assertEquals(1, one.queries().size());

        clock.addAndGet(TimeUnit.SECONDS.toNanos(2));
        assertFalse(answer(resolver.resolve("www.test", AddressFamily.INET, interfaces(i1), ALL), "i1").fromCache());
        assertEquals(2, one.queries().size());
    }

    @Test
    void theCacheKeepsNoAnswerLongerThanItsMaximumTtl() {
        ParallelResolver resolver = resolver(setup().maxTtl(100, 10));
        resolver.resolve("www.test", AddressFamily.INET, interfaces(i1), ALL);

        assertEquals(Duration.ofSeconds(100), resolver.cached("www.test").get(0).remainingTtl());
    }

    @Test
    void theCacheIsPerInterface() {
        ParallelResolver resolver = resolver();
        resolver.resolve("www.test", AddressFamily.INET, interfaces(i1), ALL);

        Resolution resolution = resolver.resolve("www.test", AddressFamily.INET, both, ALL);

        assertTrue(answer(resolution, "i1").fromCache());
        assertFalse(answer(resolution, "i2").fromCache());
        assertEquals(addresses("198.51.100.2"), answer(resolution, "i2").addresses());
        assertEquals(List.of("i1"), resolver.learnedOn(address("192.0.2.1")));
        assertEquals(List.of("i2"), resolver.learnedOn(address("198.51.100.2")));
    }

    @Test
    void aCnameChainIsFollowedAndItsSmallestTtlKept() {
        one.add("alias.test.", "CNAME", 60, "www.test.");
        InterfaceAnswer answer = answer(resolver().resolve("alias.test", AddressFamily.INET, interfaces(i1), ALL),
                "i1");

        assertEquals(addresses("192.0.2.1"), answer.addresses());
        assertEquals("www.test.", answer.canonicalName());
        assertEquals(Duration.ofSeconds(60), answer.ttl());
        assertEquals(1, one.queries().size());
    }

    @Test
    void theTargetOfACnameIsAskedWhenTheReplyStopsAtTheAlias() {
        one.add("alias.test.", "CNAME", 60, "www.test.").followCnames(false);
        ParallelResolver resolver = resolver();
        InterfaceAnswer answer = answer(resolver.resolve("alias.test", AddressFamily.INET, interfaces(i1), ALL),
                "i1");

        assertEquals(addresses("192.0.2.1"), answer.addresses());
        assertEquals(List.of("alias.test.", "www.test."),
                one.queries().stream().map(q -> q.name().toString()).toList());
        assertEquals(Duration.ofSeconds(60), resolver.cached("alias.test").get(0).remainingTtl());
    }

    @Test
    void aCnameLoopFails() {
        one.add("a.test.", "CNAME", 60, "b.test.").add("b.test.", "CNAME", 60, "a.test.");
        InterfaceAnswer answer = answer(resolver().resolve("a.test", AddressFamily.INET, interfaces(i1), ALL), "i1");

        assertEquals(Outcome.FAILED, answer.outcome());
        assertTrue(answer.error().contains("CNAME loop"), answer.error());
    }

    @Test
    void aShortNameIsCompletedWithTheSearchListOfResolvConf() throws IOException {
        Files.writeString(resolvConf, "search example. test.\n");
        InterfaceAnswer answer = answer(resolver().resolve("www", AddressFamily.INET, interfaces(i1), ALL), "i1");

        assertEquals("www.test.", answer.canonicalName());
        assertEquals(List.of("www.example.", "www.test."),
                one.queries().stream().map(q -> q.name().toString()).toList());
    }

    @Test
    void theConfiguredSearchListReplacesResolvConfs() throws IOException {
        Files.writeString(resolvConf, "search example.\n");
        InterfaceAnswer answer = answer(resolver(setup().search("test.")).resolve("www", AddressFamily.INET,
                interfaces(i1), ALL), "i1");

        assertEquals("www.test.", answer.canonicalName());
        assertEquals(List.of("www.test."), one.queries().stream().map(q -> q.name().toString()).toList());
    }

    @Test
    void aNameWithNdotsDotsIsTriedAsGivenFirst() {
        one.add("host.sub.test.", "A", 300, "192.0.2.7");
        InterfaceAnswer answer = answer(resolver(setup().search("test.")).resolve("host.sub", AddressFamily.INET,
                interfaces(i1), ALL), "i1");

        assertEquals(addresses("192.0.2.7"), answer.addresses());
        assertEquals(List.of("host.sub.", "host.sub.test."),
                one.queries().stream().map(q -> q.name().toString()).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a..test", "-a.test", "a b.test", "a/b.test", "192.0.2.1", "::1",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.test"})
    void malformedNamesAreRefusedBeforeAnyQuery(String host) {
        ParallelResolver resolver = resolver();
        assertThrows(IllegalArgumentException.class, () -> resolver.resolve(host, AddressFamily.ANY, both, ALL));
        assertEquals(List.of(), one.queries());
    }

    @Test
    void noAnswerWithAddressesMeansUnknownHostNamingEachInterface() {
        Resolution resolution = resolver().resolve("nothing.test.", AddressFamily.ANY, both, ALL);

        assertFalse(resolution.hasAddresses());
        UnknownHostException e = assertThrows(UnknownHostException.class, resolution::destinationsOrThrow);
        assertTrue(e.getMessage().startsWith("nothing.test.: "), e.getMessage());
        assertTrue(e.getMessage().contains("i1: NO_SUCH_NAME") && e.getMessage().contains("i2: NO_SUCH_NAME"),
                e.getMessage());
    }

    @Test
    void interfacesThatCannotResolveAreSkippedWithTheReason() {
        InterfaceDescription noServer = link("i3", "192.0.2.99", null);
        InterfaceDescription noIpv6Source = link("i4", "127.0.0.4", "2001:db8::53");
        InterfaceDescription down = i2.toBuilder().up(false).build();

        Resolution resolution = resolver().resolve("www.test", AddressFamily.INET,
                interfaces(i1, noServer, noIpv6Source, down), ALL);

        assertEquals(List.of("i1"), resolution.answers().stream().map(InterfaceAnswer::interfaceName).toList());
        assertEquals(Set.of("i3", "i4"), resolution.skipped().keySet());
        assertTrue(resolution.skipped().get("i3").startsWith("no DNS server"), resolution.skipped().toString());
        assertTrue(resolution.skipped().get("i4").startsWith("no source address"), resolution.skipped().toString());
    }

    @Test
    void theDeadlineEndsAResolutionWhoseServersAreTooSlow() {
        one.delay(Duration.ofSeconds(10));
        two.delay(Duration.ofSeconds(10));
        ParallelResolver resolver = resolver(setup().timeout(Duration.ofSeconds(5))
                .deadline(Duration.ofMillis(200)));

        Resolution resolution = resolver.resolve("www.test", AddressFamily.INET, both, ALL);

        assertEquals(Completion.DEADLINE, resolution.completion());
        assertEquals(Set.of("i1", "i2"), resolution.pending());
        assertEquals(List.of(), resolution.answers());
        assertTrue(resolution.elapsed().compareTo(Duration.ofMillis(200)) >= 0);
    }

    @Test
    void eachAnswerCarriesItsOwnLatency() {
        two.delay(Duration.ofMillis(200));
        Resolution resolution = resolver().resolve("www.test", AddressFamily.INET, both, ALL);

        assertTrue(answer(resolution, "i2").latency().compareTo(Duration.ofMillis(200)) >= 0);
        assertTrue(answer(resolution, "i1").latency().compareTo(resolution.elapsed()) <= 0);
    }

    @Test
    void clearCacheForgetsEverything() {
        ParallelResolver resolver = resolver();
        resolver.resolve("www.test", AddressFamily.INET, both, ALL);
        resolver.clearCache();

        assertEquals(List.of(), resolver.cached("www.test"));
        assertEquals(List.of(), resolver.learnedOn(address("192.0.2.1")));
    }
}
