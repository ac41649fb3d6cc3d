package org.socketintents.policy.roundrobin.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.DecisionRequest;
import org.socketintents.api.policy.RequestKind;

/** The paper's two links, i1 (10 ms, 6 Mbit/s down) and i2 (70 ms, 12 Mbit/s down), taken in turn. */
class RoundRobinPolicyTest {

    private final RoundRobinPolicy policy = new RoundRobinPolicy();
    private InterfaceDescription i1;
    private InterfaceDescription i2;

    private record Names(String interfaces) implements RoundRobinPolicy.Config {
        @Override
        public Class<? extends Annotation> annotationType() {
            return RoundRobinPolicy.Config.class;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        policy.activate(new Names(""));
        i1 = link("i1", 1, "6M", "10");
        i2 = link("i2", 2, "12M", "70");
    }

    private static InterfaceDescription link(String name, int subnet, String down, String rtt)
            throws UnknownHostException {
        return InterfaceDescription.builder(name).addAddress(InetAddress.getByName("198.18." + subnet + ".2"), 24)
                .property("bandwidth.down", down).property("rtt", rtt).build();
    }

    private Decision connect(Intents intents, InterfaceDescription... links) {
        return policy.decide(DecisionRequest.builder(RequestKind.CONNECT).intents(intents)
                .interfaces(new Interfaces(1, List.of(links))).build());
    }

    private List<String> sources(int connections, InterfaceDescription... links) {
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            sources.add(connect(Intents.none(), links).sourceInterface().orElse("os default"));
        }
        return sources;
    }

    @Test
    void alternatesTheLinksWhateverTheIntents() {
        List<Intents> intents = List.of(Intents.builder().category(Category.QUERY).build(),
                Intents.builder().category(Category.QUERY).build(),
                Intents.builder().category(Category.BULK_TRANSFER).fileSize(48_000_000).build(),
                Intents.none());
        List<String> sources = new ArrayList<>();
        for (Intents each : intents) {
            sources.add(connect(each, i1, i2).sourceInterface().orElseThrow());
        }
        assertEquals(List.of("i1", "i2", "i1", "i2"), sources);
    }

    @Test
    void theReasonNamesTheTurnAndTheRotation() {
        assertEquals("round-robin turn 0 over [i1, i2] -> interface i1", connect(Intents.none(), i1, i2).reason());
        assertEquals("round-robin turn 1 over [i1, i2] -> interface i2", connect(Intents.none(), i1, i2).reason());
    }

    @Test
    void nameResolutionsDoNotTakeATurn() {
        Decision resolve = policy.decide(DecisionRequest.builder(RequestKind.RESOLVE).host("example.org")
                .interfaces(new Interfaces(1, List.of(i1, i2))).build());
        assertTrue(resolve.isOsDefault(), resolve.toString());
        assertTrue(resolve.reason().startsWith("round-robin chooses per connection"), resolve.reason());
        assertEquals(List.of("i1", "i2"), sources(2, i1, i2));
    }

    @Test
    void concurrentConnectionsShareTheLinksEvenly() throws Exception {
        int threads = 4;
        int perThread = 10_000;
        Interfaces interfaces = new Interfaces(1, List.of(i1, i2));
        DecisionRequest request = DecisionRequest.builder(RequestKind.CONNECT).interfaces(interfaces).build();
        Map<String, LongAdder> counts = new ConcurrentHashMap<>();
        Callable<Void> client = () -> {
            for (int i = 0; i < perThread; i++) {
                String source = policy.decide(request).sourceInterface().orElseThrow();
                counts.computeIfAbsent(source, s -> new LongAdder()).increment();
            }
            return null;
        };
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (Future<Void> done : pool.invokeAll(Collections.nCopies(threads, client))) {
                done.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(threads * perThread / 2, counts.get("i1").intValue());
        assertEquals(threads * perThread / 2, counts.get("i2").intValue());
    }

    @Test
    void configuredNamesSetTheOrderAndMissingOnesAreSkipped() {
        policy.modified(new Names(" i2, i9 ,i1,i2,"));
        assertEquals(List.of("i2", "i1", "i2", "i1"), sources(4, i1, i2));
        policy.modified(new Names(""));
        assertEquals(List.of("i1", "i2", "i1", "i2"), sources(4, i1, i2));
    }

    @Test
    void aLinkThatIsDownIsSkipped() {
        InterfaceDescription i2Down = i2.toBuilder().up(false).build();
        assertEquals(List.of("i1", "i1", "i1"), sources(3, i1, i2Down));
        policy.modified(new Names("i2"));
        Decision d = connect(Intents.none(), i1, i2Down);
        assertTrue(d.isOsDefault());
        assertEquals("round-robin: no usable interface among [i2]", d.reason());
    }

    @Test
    void withoutUsableInterfacesTheOsDecides() {
        Decision d = connect(Intents.none());
        assertTrue(d.isOsDefault());
        assertEquals("round-robin: no usable interface", d.reason());
    }

    @Test
    void anApplicationBoundSourceIsKeptWithoutTakingATurn() throws Exception {
        Decision d = policy.decide(DecisionRequest.builder(RequestKind.CONNECT)
                .interfaces(new Interfaces(1, List.of(i1, i2)))
                .boundSource(new InetSocketAddress(InetAddress.getByName("198.18.2.2"), 0)).build());
        assertTrue(d.isOsDefault());
        assertEquals("round-robin: the application bound /198.18.2.2:0 itself; kept", d.reason());
        assertEquals(List.of("i1", "i2"), sources(2, i1, i2));
    }
}
