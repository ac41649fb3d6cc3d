package org.socketintents.mam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.DecisionRequest;
import org.socketintents.api.policy.Destination;
import org.socketintents.api.policy.Policy;
import org.socketintents.protocol.AddressFamily;
import org.socketintents.protocol.ConnectRequest;
import org.socketintents.protocol.DecisionReply;
import org.socketintents.protocol.ResolveRequest;

/** RESOLVE over every interface through the multi-interface resolver, ended early by the policy; CONNECT tagging. */
class ResolutionIntegrationTest {

    private static final InetAddress CDN_NEAR_I1 = address("192.0.2.10");
    private static final InetAddress CDN_NEAR_I2 = address("198.51.100.20");

    private PolicyRegistry registry;
    private DecisionEngine engine;
    private ScriptedResolver resolver;

    @BeforeEach
    void setUp() {
        registry = new PolicyRegistry();
        registry.activate(TestConfigs.mam(Map.of("policy", "paper")));
        registry.addPolicy(new OsDefaultPolicy(), Map.of(Policy.NAME, "os-default"));
        registry.addPolicy(ResolutionIntegrationTest::paper, Map.of(Policy.NAME, "paper"));
        engine = new DecisionEngine(registry, TestConfigs.mam(Map.of()));
        Interfaces paper = PaperInterfaces.snapshot();
        engine.setMonitor(() -> paper);
        resolver = new ScriptedResolver();
        engine.setResolver(resolver);
    }

    @AfterEach
    void tearDown() {
        engine.deactivate();
    }

    /** Queries to i1, bulk transfers to i2. */
    private static Decision paper(DecisionRequest request) {
        boolean bulk = request.intents().category().equals(Optional.of(Category.BULK_TRANSFER));
        return Decision.builder().sourceInterface(bulk ? "i2" : "i1").reason("paper").build();
    }

    private DecisionReply resolve(Category category) throws UnknownHostException {
        Intents intents = Intents.builder().category(category).build();
        DecisionRequest context = engine.contextOf(new ResolveRequest(1, "cdn.example", 80, AddressFamily.ANY,
                intents));
        return engine.decide(1, context, r -> { });
    }

    @Test
    void aQueryStopsWaitingOnceItsInterfaceHasAnswered() throws Exception {
        resolver.answer("i1", CDN_NEAR_I1).answer("i2", CDN_NEAR_I2);

        DecisionReply reply = resolve(Category.QUERY);

        assertEquals(List.of(new Destination(CDN_NEAR_I1, "i1")), reply.decision().destinations(),
                "i2's answer was not waited for");
        assertEquals(Optional.of("i1"), reply.decision().sourceInterface());
    }

    @Test
    void answersAreTaggedAndThoseOfTheChosenInterfaceComeFirst() throws Exception {
        resolver.answer("i1", CDN_NEAR_I1).answer("i2", CDN_NEAR_I2);

        DecisionReply reply = resolve(Category.BULK_TRANSFER);

        assertEquals(List.of(new Destination(CDN_NEAR_I2, "i2"), new Destination(CDN_NEAR_I1, "i1")),
                reply.decision().destinations());
    }

    @Test
    void aConnectToAnAddressLearnedOnAnInterfaceCarriesThatTag() throws Exception {
        resolver.answer("i2", CDN_NEAR_I2);
        DecisionRequest context = engine.contextOf(new ConnectRequest(1, new InetSocketAddress(CDN_NEAR_I2, 443),
                "cdn.example", null, Intents.none()));
        assertEquals(List.of(new Destination(CDN_NEAR_I2, "i2")), context.destinations());
    }

    @Test
    void localhostAndLiteralsNeverGoToTheNetworksDns() throws Exception {
        engine.contextOf(new ResolveRequest(1, "localhost", 0, AddressFamily.ANY, Intents.none()));
        engine.contextOf(new ResolveRequest(2, "127.0.0.1", 0, AddressFamily.ANY, Intents.none()));
        assertEquals(List.of(), resolver.asked);
    }

    @Test
    void namesNoInterfaceKnowsFallBackToTheSystemResolverThenFail() {
        resolver.answer("i1").answer("i2");
        UnknownHostException e = assertThrows(UnknownHostException.class,
                () -> engine.contextOf(new ResolveRequest(1, "no-such-host.invalid", 0, AddressFamily.ANY,
                        Intents.none())));
        assertTrue(e.getMessage().contains("no-such-host.invalid"), e.getMessage());
        assertEquals(1, engine.statistics().resolutionFailures());
    }

    @Test
    void malformedNamesAreUnknownHosts() {
        assertThrows(UnknownHostException.class, () -> engine.contextOf(new ResolveRequest(1, "bad..name", 0,
                AddressFamily.ANY, Intents.none())));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
