package org.socketintents.policy.filesize.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
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

/** Scenario 2 of the paper: i1 10 ms / 6 Mbit/s down (i1' 2 Mbit/s), i2 70 ms / 12 Mbit/s down. */
class FileSizePolicyTest {

    private static final long MB_48 = 48_000_000;

    private final FileSizePolicy policy = new FileSizePolicy();
    private Interfaces paper;

    private record Threshold(String threshold) implements FileSizePolicy.Config {
        @Override
        public Class<? extends Annotation> annotationType() {
            return FileSizePolicy.Config.class;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        policy.activate(new Threshold(FileSizePolicy.DEFAULT_THRESHOLD));
        paper = links("6M", true);
    }

    private static Interfaces links(String i1Down, boolean i2Up) throws UnknownHostException {
        InterfaceDescription.Builder i1 = InterfaceDescription.builder("i1")
                .addAddress(InetAddress.getByName("198.18.1.2"), 24).property("bandwidth.down", i1Down);
        InterfaceDescription.Builder i2 = InterfaceDescription.builder("i2").up(i2Up)
                .addAddress(InetAddress.getByName("198.18.2.2"), 24).property("bandwidth.down", "12M");
        return new Interfaces(1, List.of(i1.property("rtt", "10").build(), i2.property("rtt", "70").build()));
    }

    private Decision decide(Intents intents, Interfaces interfaces) {
        return policy.decide(DecisionRequest.builder(RequestKind.CONNECT).intents(intents).interfaces(interfaces)
                .build());
    }

    private Optional<String> sourceFor(long fileSize) {
        return decide(Intents.builder().fileSize(fileSize).build(), paper).sourceInterface();
    }

    @Test
    void largeTransfersTakeTheHighBandwidthLinkAndSmallOnesTheLowLatencyOne() {
        Decision large = decide(Intents.builder().fileSize(MB_48).build(), paper);
        assertEquals(Optional.of("i2"), large.sourceInterface());
        assertEquals("filesize 48000000 > threshold 1400000 -> highest-bandwidth interface i2 (12.0 Mbit/s, 70.0 ms)",
                large.reason());

        Decision small = decide(Intents.builder().fileSize(6_000).build(), paper);
        assertEquals(Optional.of("i1"), small.sourceInterface());
        assertEquals("filesize 6000 <= threshold 1400000 -> lowest-rtt interface i1 (6.0 Mbit/s, 10.0 ms)",
                small.reason());
    }

    @Test
    void aTransferOfExactlyTheThresholdIsSmall() {
        assertEquals(Optional.of("i1"), sourceFor(1_400_000));
        assertEquals(Optional.of("i2"), sourceFor(1_400_001));
    }

    @Test
    void theFileSizeWinsOverAContradictoryCategory() {
        Intents bigQuery = Intents.builder().category(Category.QUERY).fileSize(MB_48).build();
        assertEquals(Optional.of("i2"), decide(bigQuery, paper).sourceInterface());
        Intents smallBulk = Intents.builder().category(Category.BULK_TRANSFER).fileSize(15_000).build();
        assertEquals(Optional.of("i1"), decide(smallBulk, paper).sourceInterface());
    }

    @Test
    void withoutAFileSizeTheCategoryDecides() {
        Decision bulk = decide(Intents.builder().category(Category.BULK_TRANSFER).build(), paper);
        assertEquals(Optional.of("i2"), bulk.sourceInterface());
        assertTrue(bulk.reason().startsWith("no filesize, category bulk transfer -> "), bulk.reason());
        assertEquals(Optional.of("i1"),
                decide(Intents.builder().category(Category.QUERY).build(), paper).sourceInterface());

        Decision nothing = decide(Intents.none(), paper);
        assertTrue(nothing.isOsDefault());
        assertEquals("no filesize, no category: no interface preference", nothing.reason());
    }

    @Test
    void theSlowerI1PrimeSettingUsesTheSmallerThreshold() throws Exception {
        policy.modified(new Threshold("100k"));
        paper = links("2M", true);
        assertEquals(Optional.of("i2"), sourceFor(263_000));
        assertEquals(Optional.of("i1"), sourceFor(65_000));
        assertEquals(Optional.of("i1"), sourceFor(100_000));
    }

    @Test
    void aBadThresholdKeepsThePreviousOne() {
        policy.modified(new Threshold("100k"));
        for (String bad : List.of("lots", "-5", "", "100T", "99999999999G")) {
            policy.modified(new Threshold(bad));
            assertEquals(Optional.of("i2"), sourceFor(150_000), bad);
        }
    }

    @Test
    void aBadThresholdAtActivationKeepsTheDefault() {
        FileSizePolicy fresh = new FileSizePolicy();
        fresh.activate(new Threshold("1.4M"));
        Decision d = fresh.decide(DecisionRequest.builder(RequestKind.CONNECT)
                .intents(Intents.builder().fileSize(MB_48).build()).interfaces(paper).build());
        assertTrue(d.reason().startsWith("filesize 48000000 > threshold 1400000 "), d.reason());
    }

    @Test
    void largeTransfersStayOnI1WhenI2IsDown() throws Exception {
        paper = links("6M", false);
        assertEquals(Optional.of("i1"), sourceFor(MB_48));
    }

    @Test
    void anApplicationBoundSourceIsKept() throws Exception {
        Decision d = policy.decide(DecisionRequest.builder(RequestKind.CONNECT)
                .intents(Intents.builder().fileSize(MB_48).build()).interfaces(paper)
                .boundSource(new InetSocketAddress(InetAddress.getByName("198.18.1.2"), 0)).build());
        assertTrue(d.isOsDefault(), d.toString());
        assertTrue(d.reason().contains("bound /198.18.1.2:0 itself; kept"), d.reason());
    }
}
