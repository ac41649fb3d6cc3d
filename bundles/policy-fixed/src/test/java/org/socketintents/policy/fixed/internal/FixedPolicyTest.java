package org.socketintents.policy.fixed.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.DecisionRequest;
import org.socketintents.api.policy.RequestKind;

/** The paper's "i1 only" and "i2 only" baselines on i1 (10 ms, 6 Mbit/s down) and i2 (70 ms, 12 Mbit/s down). */
class FixedPolicyTest {

    private final FixedPolicy policy = new FixedPolicy();
    private InterfaceDescription i1;
    private InterfaceDescription i2;

    private record Pinned(String interface$) implements FixedPolicy.Config {
        @Override
        public Class<? extends Annotation> annotationType() {
            return FixedPolicy.Config.class;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        i1 = InterfaceDescription.builder("i1").addAddress(InetAddress.getByName("198.18.1.2"), 24)
                .property("bandwidth.down", "6M").property("rtt", "10").build();
        i2 = InterfaceDescription.builder("i2").addAddress(InetAddress.getByName("198.18.2.2"), 24)
                .property("bandwidth.down", "12M").property("rtt", "70").build();
    }

    private Decision decide(RequestKind kind, Intents intents, InterfaceDescription... links) {
        return policy.decide(DecisionRequest.builder(kind).intents(intents)
                .interfaces(new Interfaces(1, List.of(links))).build());
    }

    @Test
    void everyConnectionTakesThePinnedInterfaceWhateverTheIntents() {
        policy.activate(new Pinned("i2"));
        for (Intents intents : List.of(Intents.none(), Intents.builder().category(Category.QUERY).build(),
                Intents.builder().category(Category.QUERY).fileSize(48_000_000).build())) {
            for (RequestKind kind : RequestKind.values()) {
                Decision d = decide(kind, intents, i1, i2);
                assertEquals(Optional.of("i2"), d.sourceInterface(), kind + " " + intents);
                assertEquals("fixed: every connection on interface i2", d.reason());
            }
        }
        policy.modified(new Pinned(" i1 "));
        assertEquals(Optional.of("i1"), decide(RequestKind.CONNECT, Intents.none(), i1, i2).sourceInterface());
    }

    @Test
    void withoutAConfiguredInterfaceTheOsDecides() {
        policy.activate(new Pinned(""));
        Decision d = decide(RequestKind.CONNECT, Intents.none(), i1, i2);
        assertTrue(d.isOsDefault());
        assertEquals("fixed: no interface configured (key interface of org.socketintents.policy.fixed)", d.reason());
    }

    @Test
    void aMissingInterfaceLeavesTheChoiceToTheOs() {
        policy.activate(new Pinned("i9"));
        Decision d = decide(RequestKind.CONNECT, Intents.none(), i1, i2);
        assertTrue(d.isOsDefault());
        assertEquals("fixed: interface i9 is not usable (no such interface)", d.reason());
    }

    @Test
    void anUnusableInterfaceLeavesTheChoiceToTheOs() {
        policy.activate(new Pinned("i2"));
        Decision down = decide(RequestKind.CONNECT, Intents.none(), i1, i2.toBuilder().up(false).build());
        assertTrue(down.isOsDefault());
        assertEquals("fixed: interface i2 is not usable (down)", down.reason());

        Decision disabled = decide(RequestKind.CONNECT, Intents.none(), i1,
                i2.toBuilder().sourceEnabled(false).build());
        assertTrue(disabled.isOsDefault());
        assertEquals("fixed: interface i2 is not usable (not enabled as a source or without an address)",
                disabled.reason());
    }

    @Test
    void anApplicationBoundSourceIsKept() throws Exception {
        policy.activate(new Pinned("i2"));
        Decision d = policy.decide(DecisionRequest.builder(RequestKind.CONNECT)
                .interfaces(new Interfaces(1, List.of(i1, i2)))
                .boundSource(new InetSocketAddress(InetAddress.getByName("198.18.1.2"), 0)).build());
        assertTrue(d.isOsDefault());
        assertEquals("fixed: the application bound /198.18.1.2:0 itself; kept", d.reason());
    }
}
