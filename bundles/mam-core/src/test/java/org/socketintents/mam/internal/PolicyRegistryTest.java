package org.socketintents.mam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Policy;

class PolicyRegistryTest {

    private final Policy osDefault = new OsDefaultPolicy();
    private final Policy category = request -> Decision.osDefault("category");
    private final Policy other = request -> Decision.osDefault("other");
    private PolicyRegistry registry;

    @BeforeEach
    void setUp() {
        registry = new PolicyRegistry();
        registry.activate(TestConfigs.mam(Map.of("policy", "category")));
        registry.addPolicy(osDefault, Map.of(Policy.NAME, "os-default"));
    }

    @Test
    void configuredPolicyIsActiveOnceRegistered() {
        assertSame(osDefault, registry.active().policy(), "falls back while category is missing");
        assertEquals("category", registry.active().configured());

        registry.addPolicy(category, Map.of(Policy.NAME, "category"));

        assertSame(category, registry.active().policy());
        assertEquals("category", registry.active().name());
    }

    @Test
    void reconfigurationSwapsTheActivePolicy() {
        registry.addPolicy(category, Map.of(Policy.NAME, "category"));
        registry.addPolicy(other, Map.of(Policy.NAME, "other"));
        ActivePolicy before = registry.active();

        registry.modified(TestConfigs.mam(Map.of("policy", "other")));

        assertSame(other, registry.active().policy());
        assertSame(category, before.policy(), "a request that captured the old policy keeps it");
    }

    @Test
    void removingTheActivePolicyFallsBackToOsDefault() {
        registry.addPolicy(category, Map.of(Policy.NAME, "category"));
        registry.removePolicy(category, Map.of(Policy.NAME, "category"));

        assertEquals("os-default", registry.active().name());
        assertEquals("category", registry.active().configured());
        assertSame(osDefault, registry.active().policy());
    }

    @Test
    void unknownConfiguredNameKeepsTheLastGoodPolicyUntilItAppears() {
        registry.addPolicy(category, Map.of(Policy.NAME, "category"));

        registry.modified(TestConfigs.mam(Map.of("policy", "no-such-policy")));

        assertSame(category, registry.active().policy(), "the working policy is kept");
        assertEquals("no-such-policy", registry.configured());
        assertFalse(registry.active().isConfigured());

        registry.addPolicy(other, Map.of(Policy.NAME, "no-such-policy"));
        assertSame(other, registry.active().policy(), "the configured policy takes over once it registers");
        assertTrue(registry.active().isConfigured());
    }

    @Test
    void keptPolicyThatGoesAwayFallsBackToOsDefault() {
        registry.addPolicy(category, Map.of(Policy.NAME, "category"));
        registry.modified(TestConfigs.mam(Map.of("policy", "no-such-policy")));

        registry.removePolicy(category, Map.of(Policy.NAME, "category"));

        assertSame(osDefault, registry.active().policy());
    }

    @Test
    void duplicateAndNamelessPoliciesAreIgnored() {
        registry.addPolicy(category, Map.of(Policy.NAME, "category"));
        registry.addPolicy(other, Map.of(Policy.NAME, "category"));
        registry.addPolicy(other, Map.of());

        assertSame(category, registry.active().policy());
        assertEquals(List.of("category", "os-default"), List.copyOf(registry.names().keySet()));
        registry.removePolicy(other, Map.of(Policy.NAME, "category"));
        assertSame(category, registry.active().policy(), "removing the ignored duplicate keeps the first");
    }

    @Test
    void namedLooksUpWithoutActivating() {
        registry.addPolicy(other, Map.of(Policy.NAME, "other"));
        assertSame(other, registry.named("other").policy());
        assertNull(registry.named("missing"));
        assertTrue(registry.active().name().equals("os-default"));
    }
}
