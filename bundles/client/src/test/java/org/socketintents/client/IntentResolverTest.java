package org.socketintents.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.api.policy.Destination;
import org.socketintents.protocol.AddressFamily;
import org.socketintents.protocol.ErrorCode;
import org.socketintents.protocol.ResolveRequest;

class IntentResolverTest {

    private static final Intents QUERY = Intents.builder().category(Category.QUERY).build();

    @TempDir
    Path dir;

    private FakeMam mam;
    private MamClient client;

    @BeforeEach
    void setUp() {
        mam = new FakeMam(dir.resolve("mam.sock"));
        client = MamClient.create(MamClientConfig.builder().socketPath(mam.path())
                .resolveTimeout(Duration.ofSeconds(5)).build());
    }

    @AfterEach
    void tearDown() throws Exception {
        client.close();
        mam.stop();
    }

    @Test
    void addressesComeInThePolicysOrder() throws Exception {
        mam.behave(FakeMam.resolvingTo(Loopback.THREE, Loopback.TWO)).start();

        List<Destination> resolved = IntentResolver.resolve("service.test", 443, AddressFamily.ANY, QUERY, client);

        assertEquals(List.of(Destination.of(Loopback.THREE), Destination.of(Loopback.TWO)), resolved);
        ResolveRequest request = mam.requests(ResolveRequest.class).get(0);
        assertEquals("service.test", request.host());
        assertEquals(443, request.port());
        assertEquals(AddressFamily.ANY, request.family());
        assertEquals(QUERY, request.intents());
    }

    @Test
    void addressesOfOtherFamiliesAreDropped() throws Exception {
        mam.behave(FakeMam.resolvingTo(Loopback.address("::1"), Loopback.TWO)).start();

        assertEquals(List.of(Destination.of(Loopback.TWO)),
                IntentResolver.resolve("service.test", 0, AddressFamily.INET, QUERY, client));
        assertEquals(AddressFamily.INET, mam.requests(ResolveRequest.class).get(0).family());
    }

    @Test
    void withoutAMamTheOsResolverAnswers() throws Exception {
        assertEquals(os("localhost"), addresses(IntentResolver.resolve("localhost", 0, AddressFamily.ANY, QUERY, client)));
        assertEquals(List.of(Loopback.address("127.0.0.5")),
                addresses(IntentResolver.resolve("127.0.0.5", 0, AddressFamily.ANY, QUERY, client)));
        assertFalse(client.status().lastRequestAnswered());
    }

    @Test
    void whenTheMamCannotResolveTheOsResolverAnswersWithoutBackingOff() throws Exception {
        mam.behave(FakeMam.failingWith(ErrorCode.RESOLUTION_FAILED)).start();

        assertEquals(os("localhost"), addresses(IntentResolver.resolve("localhost", 0, AddressFamily.ANY, QUERY, client)));

        MamStatus status = client.status();
        assertTrue(status.lastRequestAnswered());
        assertFalse(status.backingOff());
        assertEquals(0, status.fallbacks());
    }

    @Test
    void aSlowMamIsGivenUpOnAfterTheResolveTimeout() throws Exception {
        mam.behave(FakeMam.stalling()).start();
        try (MamClient impatient = MamClient.create(MamClientConfig.builder().socketPath(mam.path())
                .resolveTimeout(Duration.ofMillis(200)).build())) {
            long start = System.nanoTime();

            List<Destination> resolved = IntentResolver.resolve("localhost", 0, AddressFamily.ANY, QUERY, impatient);

            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(took.compareTo(Duration.ofSeconds(2)) < 0, "resolve took " + took);
            assertEquals(os("localhost"), addresses(resolved));
            assertEquals("no answer within 200 ms", impatient.status().lastFailure());
        }
    }

    @Test
    void noHostMeansLoopbackAndABadPortIsRefused() throws Exception {
        assertTrue(IntentResolver.resolve(null, 0, AddressFamily.ANY, QUERY, client).stream()
                .allMatch(d -> d.address().isLoopbackAddress()));
        assertThrows(IllegalArgumentException.class,
                () -> IntentResolver.resolve("localhost", 70_000, AddressFamily.ANY, QUERY, client));
    }

    private static List<InetAddress> os(String host) throws Exception {
        return Arrays.asList(InetAddress.getAllByName(host));
    }

    private static List<InetAddress> addresses(List<Destination> destinations) {
        return destinations.stream().map(Destination::address).collect(Collectors.toList());
    }
}
