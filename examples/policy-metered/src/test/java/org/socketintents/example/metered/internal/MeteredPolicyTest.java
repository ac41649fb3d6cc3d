package org.socketintents.example.metered.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.api.Timeliness;
import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.DecisionRequest;
import org.socketintents.api.policy.RequestKind;

/** A home with DSL (flat rate, 10 ms, 6 Mbit/s) and LTE (metered, 70 ms, 12 Mbit/s). */
class MeteredPolicyTest {

    private final MeteredPolicy policy = new MeteredPolicy();

    @BeforeEach
    void setUp() {
        policy.configure(config(10_000_000L));
    }

    private static Interfaces home(String dslCost, String lteCost) throws Exception {
        return new Interfaces(1, List.of(
                InterfaceDescription.builder("dsl").addAddress(InetAddress.getByName("198.18.1.2"), 24)
                        .property("bandwidth.down", "6M").property("rtt", "10").property("cost", dslCost).build(),
                InterfaceDescription.builder("lte").addAddress(InetAddress.getByName("198.18.2.2"), 24)
                        .property("bandwidth.down", "12M").property("rtt", "70").property("cost", lteCost).build()));
    }

    private Decision decide(Intents intents, Interfaces interfaces) {
        return policy.decide(DecisionRequest.builder(RequestKind.CONNECT).intents(intents).interfaces(interfaces)
                .build());
    }

    @Test
    void bulkTransfersStayOnTheFlatRateLink() throws Exception {
        Decision d = decide(Intents.builder().category(Category.BULK_TRANSFER).build(), home("0", "10"));
        assertEquals(Optional.of("dsl"), d.sourceInterface());
        assertTrue(d.reason().startsWith("bulk transfer -> lowest-cost interface dsl"), d.reason());
    }

    @Test
    void backgroundTrafficAndLargeFilesCountAsDeferrable() throws Exception {
        assertEquals(Optional.of("dsl"),
                decide(Intents.builder().timeliness(Timeliness.BACKGROUND).build(), home("0", "10")).sourceInterface());
        assertEquals(Optional.of("dsl"),
                decide(Intents.builder().category(Category.STREAM).fileSize(20_000_000).build(), home("0", "10"))
                        .sourceInterface());
    }

    @Test
    void everythingElseFollowsTheCategory() throws Exception {
        assertEquals(Optional.of("dsl"),
                decide(Intents.builder().category(Category.QUERY).build(), home("0", "10")).sourceInterface());
        assertEquals(Optional.of("lte"),
                decide(Intents.builder().category(Category.STREAM).build(), home("0", "10")).sourceInterface());
    }

    @Test
    void equalCostsMeanNothingIsMeteredSoTheCategoryDecides() throws Exception {
        assertEquals(Optional.of("lte"),
                decide(Intents.builder().category(Category.BULK_TRANSFER).build(), home("1", "1")).sourceInterface());
    }

    @Test
    void theLargeFileThresholdIsConfigurable() throws Exception {
        policy.configure(config(100_000_000L));
        assertEquals(Optional.of("lte"),
                decide(Intents.builder().category(Category.STREAM).fileSize(20_000_000).build(), home("0", "10"))
                        .sourceInterface());
    }

    private static MeteredPolicy.Config config(long largeFileBytes) {
        return new MeteredPolicy.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MeteredPolicy.Config.class;
            }

            @Override
            public long large_file_bytes() {
                return largeFileBytes;
            }
        };
    }
}
