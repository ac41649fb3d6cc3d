package org.socketintents.mam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.DecisionRequest;
import org.socketintents.api.policy.Policy;
import org.socketintents.protocol.AddressFamily;
import org.socketintents.protocol.ConnectRequest;
import org.socketintents.protocol.DecisionOutcome;
import org.socketintents.protocol.DecisionReply;
import org.socketintents.protocol.MessageType;
import org.socketintents.protocol.ResolveRequest;

@Timeout(30)
class DecisionEngineTest {

    private PolicyRegistry registry;
    private DecisionEngine engine;

    @BeforeEach
    void setUp() {
        registry = new PolicyRegistry();
        registry.activate(TestConfigs.mam(Map.of("policy", "test")));
        registry.addPolicy(new OsDefaultPolicy(), Map.of(Policy.NAME, "os-default"));
        engine = new DecisionEngine(registry, TestConfigs.mam(Map.of("policy_budget_ms", 20)));
        Interfaces paper = PaperInterfaces.snapshot();
        engine.setMonitor(() -> paper);
    }

    @AfterEach
    void tearDown() {
        engine.deactivate();
    }

    private void usePolicy(Policy policy) {
        registry.addPolicy(policy, Map.of(Policy.NAME, "test"));
    }

    private DecisionRequest connectContext(Intents intents) throws Exception {
        return engine.contextOf(new ConnectRequest(1,
                new InetSocketAddress(InetAddress.getByName("192.0.2.80"), 80), "www.test", null, intents));
    }

    @Test
    void contextCarriesIntentsDestinationAndInterfaces() throws Exception {
        Intents intents = Intents.builder().category(Category.QUERY).fileSize(15_000).build();
        DecisionRequest context = connectContext(intents);
        assertEquals(intents, context.intents());
        assertEquals(Optional.of("www.test"), context.host());
        assertEquals(80, context.port());
        assertEquals(InetAddress.getByName("192.0.2.80"), context.destinations().get(0).address());
        assertEquals(1, context.interfaces().generation());
        assertTrue(context.interfaces().named("i2").isPresent());
    }

    @Test
    void resolveContextResolvesTheHost() throws Exception {
        DecisionRequest context = engine.contextOf(new ResolveRequest(7, "127.0.0.1", 443, AddressFamily.ANY,
                Intents.none()));
        assertEquals(InetAddress.getByName("127.0.0.1"), context.destinations().get(0).address());
        assertEquals(443, context.port());
    }

    @Test
    void policyDecisionIsCompletedAndAttributed() throws Exception {
        usePolicy(request -> Decision.builder().sourceInterface("i2").reason("bulk to i2").build());

        DecisionReply reply = engine.decide(42, connectContext(Intents.none()), r -> { });

        assertEquals(42, reply.requestId());
        assertEquals(MessageType.CONNECT_REPLY, reply.type());
        assertEquals(DecisionOutcome.POLICY, reply.outcome());
        assertEquals("test", reply.policy());
        assertEquals(Optional.of(InetAddress.getByName("198.18.2.2")), reply.decision().sourceAddress());
        assertEquals("bulk to i2", reply.decision().reason());
    }

    @Test
    void throwingPolicyYieldsOsDefault() throws Exception {
        usePolicy(request -> {
            throw new IllegalStateException("boom");
        });

        DecisionReply reply = engine.decide(1, connectContext(Intents.none()), r -> { });

        assertEquals(DecisionOutcome.FALLBACK_POLICY_ERROR, reply.outcome());
        assertEquals(Optional.empty(), reply.decision().sourceInterface());
        assertTrue(reply.decision().reason().contains("boom"), reply.decision().reason());
        assertEquals(1, engine.statistics().count(DecisionOutcome.FALLBACK_POLICY_ERROR));
    }

    @Test
    void nullDecisionCountsAsAFailure() throws Exception {
        usePolicy(request -> null);
        assertEquals(DecisionOutcome.FALLBACK_POLICY_ERROR,
                engine.decide(1, connectContext(Intents.none()), r -> { }).outcome());
    }

    @Test
    void unavailableConfiguredPolicyIsAnsweredByOsDefault() throws Exception {
        DecisionReply reply = engine.decide(3, connectContext(Intents.none()), r -> { });
        assertEquals(DecisionOutcome.POLICY, reply.outcome());
        assertEquals("os-default", reply.policy());
        assertTrue(reply.decision().sourceInterface().isEmpty());
    }

    @Test
    void noPolicyAtAllYieldsNoPolicyOutcome() throws Exception {
        DecisionReply reply = engine.decide(4, connectContext(Intents.none()),
                new ActivePolicy("os-default", null, "test"), r -> { });
        assertEquals(DecisionOutcome.NO_POLICY, reply.outcome());
        assertTrue(reply.decision().sourceInterface().isEmpty());
        assertTrue(reply.decision().sourceAddress().isEmpty());
    }

    @Test
    void overrunningPolicyIsAnsweredByTheWatchdogWithinTheBudget() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        usePolicy(request -> {
            await(release);
            return Decision.builder().sourceInterface("i1").reason("too late").build();
        });
        CompletableFuture<DecisionReply> fallback = new CompletableFuture<>();
        CompletableFuture<DecisionReply> direct = CompletableFuture.supplyAsync(() -> {
            try {
                return engine.decide(9, connectContext(Intents.none()), fallback::complete);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        DecisionReply answered = fallback.get(10, TimeUnit.SECONDS);
        assertEquals(DecisionOutcome.FALLBACK_POLICY_TIMEOUT, answered.outcome());
        assertEquals(9, answered.requestId());
        release.countDown();
        assertNull(direct.get(10, TimeUnit.SECONDS), "the late result must be discarded");
    }

    @Test
    void policyWithTooManyStuckCallsIsNoLongerAsked() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        usePolicy(request -> {
            calls.incrementAndGet();
            await(release);
            return Decision.osDefault("late");
        });
        CountDownLatch answered = new CountDownLatch(DecisionEngine.MAX_STUCK_CALLS);
        for (int i = 0; i < DecisionEngine.MAX_STUCK_CALLS; i++) {
            Thread thread = new Thread(() -> {
                try {
                    engine.decide(1, connectContext(Intents.none()), r -> answered.countDown());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            thread.setDaemon(true);
            thread.start();
        }
        assertTrue(answered.await(10, TimeUnit.SECONDS));

        DecisionReply reply = engine.decide(2, connectContext(Intents.none()), r -> { });

        assertNotNull(reply);
        assertEquals(DecisionOutcome.FALLBACK_POLICY_TIMEOUT, reply.outcome());
        assertTrue(reply.decision().reason().contains("not asked"), reply.decision().reason());
        assertEquals(DecisionEngine.MAX_STUCK_CALLS, calls.get());
        release.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
