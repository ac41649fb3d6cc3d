package org.socketintents.policy.category.internal;

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

/** The paper's setting: i1 10 ms / 6 Mbit/s down, i2 70 ms / 12 Mbit/s down, and the variant i1' at 2 Mbit/s. */
class CategoryPolicyTest {

    private CategoryPolicy policy;

    @BeforeEach
    void setUp() {
        policy = new CategoryPolicy();
        policy.activate(config("latency", "bandwidth", "latency", "bandwidth", "none"));
    }

    private static Interfaces paper(String i1Down, boolean i2Up) throws Exception {
        return new Interfaces(1, List.of(
                InterfaceDescription.builder("i1").addAddress(InetAddress.getByName("198.18.1.2"), 24)
                        .property("bandwidth.down", i1Down).property("bandwidth.up", "768k").property("rtt", "10")
                        .build(),
                InterfaceDescription.builder("i2").up(i2Up).addAddress(InetAddress.getByName("198.18.2.2"), 24)
                        .property("bandwidth.down", "12M").property("bandwidth.up", "6M").property("rtt", "70")
                        .build()));
    }

    private Optional<String> sourceFor(Intents intents, Interfaces interfaces) {
        return policy.decide(DecisionRequest.builder(RequestKind.CONNECT).intents(intents).interfaces(interfaces)
                .build()).sourceInterface();
    }

    private static Intents category(Category category) {
        return Intents.builder().category(category).build();
    }

    @Test
    void queriesGoToTheLowLatencyLinkAndBulkToTheHighBandwidthOne() throws Exception {
        for (String i1Down : List.of("6M", "2M")) {
            Interfaces interfaces = paper(i1Down, true);
            assertEquals(Optional.of("i1"), sourceFor(category(Category.QUERY), interfaces), i1Down);
            assertEquals(Optional.of("i2"), sourceFor(category(Category.BULK_TRANSFER), interfaces), i1Down);
            assertEquals(Optional.of("i1"), sourceFor(category(Category.CONTROL_TRAFFIC), interfaces), i1Down);
            assertEquals(Optional.of("i2"), sourceFor(category(Category.STREAM), interfaces), i1Down);
        }
    }

    @Test
    void noCategoryIsLeftToTheOs() throws Exception {
        Decision d = policy.decide(DecisionRequest.builder(RequestKind.CONNECT)
                .intents(Intents.builder().fileSize(48_000_000).build()).interfaces(paper("6M", true)).build());
        assertTrue(d.isOsDefault());
        assertTrue(d.reason().startsWith("no category"), d.reason());
    }

    @Test
    void categoryWinsOverContradictoryIntents() throws Exception {
        Intents contradictory = Intents.builder().category(Category.QUERY).fileSize(48_000_000).build();
        assertEquals(Optional.of("i1"), sourceFor(contradictory, paper("6M", true)));
    }

    @Test
    void bulkMovesToTheRemainingLinkWhenI2IsDown() throws Exception {
        assertEquals(Optional.of("i1"), sourceFor(category(Category.BULK_TRANSFER), paper("6M", false)));
    }

    @Test
    void applicationBoundSourceIsKept() throws Exception {
        Decision d = policy.decide(DecisionRequest.builder(RequestKind.CONNECT)
                .intents(category(Category.BULK_TRANSFER)).interfaces(paper("6M", true))
                .boundSource(new InetSocketAddress(InetAddress.getByName("198.18.1.2"), 0)).build());
        assertTrue(d.isOsDefault(), d.toString());
    }

    @Test
    void streamAndControlAreConfigurable() throws Exception {
        policy.modified(config("latency", "bandwidth", "bandwidth", "latency", "latency"));
        Interfaces interfaces = paper("6M", true);
        assertEquals(Optional.of("i2"), sourceFor(category(Category.CONTROL_TRAFFIC), interfaces));
        assertEquals(Optional.of("i1"), sourceFor(category(Category.STREAM), interfaces));
        assertEquals(Optional.of("i1"), sourceFor(Intents.none(), interfaces));
    }

    @Test
    void badValueKeepsThePreviousSetting() throws Exception {
        policy.modified(config("latency", "turbo", "latency", "bandwidth", "none"));
        assertEquals(Optional.of("i2"), sourceFor(category(Category.BULK_TRANSFER), paper("6M", true)));
    }

    @Test
    void reasonSaysWhy() throws Exception {
        Decision d = policy.decide(DecisionRequest.builder(RequestKind.CONNECT).intents(category(Category.QUERY))
                .interfaces(paper("6M", true)).build());
        assertEquals("category query -> lowest-rtt interface i1 (6.0 Mbit/s, 10.0 ms)", d.reason());
    }

    private static CategoryPolicy.Config config(String query, String bulk, String control, String stream,
                                                String uncategorized) {
        return new CategoryPolicy.Config() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return CategoryPolicy.Config.class;
            }

            @Override
            public String query() {
                return query;
            }

            @Override
            public String bulk_transfer() {
                return bulk;
            }

            @Override
            public String control_traffic() {
                return control;
            }

            @Override
            public String stream() {
                return stream;
            }

            @Override
            public String uncategorized() {
                return uncategorized;
            }
        };
    }
}
