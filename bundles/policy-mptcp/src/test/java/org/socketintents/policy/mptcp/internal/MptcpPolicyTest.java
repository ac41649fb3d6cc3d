package org.socketintents.policy.mptcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.DecisionRequest;
import org.socketintents.api.policy.RequestKind;
import org.socketintents.api.policy.Transport;

/** On the paper's links i1 (10 ms, 6 Mbit/s down) and i2 (70 ms, 12 Mbit/s down). */
class MptcpPolicyTest {

    private static final Intents BULK = Intents.builder().category(Category.BULK_TRANSFER).build();

    private final AtomicBoolean hostHasMptcp = new AtomicBoolean(true);
    private final MptcpPolicy policy = new MptcpPolicy(hostHasMptcp::get);
    private InterfaceDescription i1;
    private InterfaceDescription i2;

    private record Settings(String min_file_size, String min_stream_duration_s, String primary,
                            String mptcp_available) implements MptcpPolicy.Config {
        static final Settings DEFAULTS = new Settings(MptcpPolicy.DEFAULT_MIN_FILE_SIZE,
                MptcpPolicy.DEFAULT_MIN_STREAM_SECONDS, MptcpPolicy.DEFAULT_PRIMARY, MptcpPolicy.DEFAULT_AVAILABLE);

        Settings available(String value) {
            return new Settings(min_file_size, min_stream_duration_s, primary, value);
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return MptcpPolicy.Config.class;
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        policy.activate(Settings.DEFAULTS);
        i1 = InterfaceDescription.builder("i1").property("rtt", "10").property("bandwidth.down", "6M")
                .addAddress(InetAddress.getByName("198.18.1.2"), 24).build();
        i2 = InterfaceDescription.builder("i2").property("rtt", "70").property("bandwidth.down", "12M")
                .addAddress(InetAddress.getByName("198.18.2.2"), 24).build();
    }

    private Decision decide(Intents intents) {
        return decide(RequestKind.CONNECT, intents, i1, i2);
    }

    private Decision decide(RequestKind kind, Intents intents, InterfaceDescription... links) {
        return policy.decide(DecisionRequest.builder(kind).intents(intents)
                .interfaces(new Interfaces(1, List.of(links))).build());
    }

    private static Intents stream(long seconds) {
        return Intents.builder().category(Category.STREAM).duration(seconds).build();
    }

    private static void assertPath(Transport transport, String source, Decision decision) {
        assertEquals(transport, decision.transport(), decision.toString());
        assertEquals(Optional.ofNullable(source), decision.sourceInterface(), decision.toString());
    }

    @Test
    void bulkTransfersGetMptcpWithTheInitialSubflowOnTheLowLatencyLink() {
        for (RequestKind kind : RequestKind.values()) {
            Decision d = decide(kind, BULK, i1, i2);
            assertPath(Transport.MPTCP, "i1", d);
            assertEquals("category bulk transfer -> MPTCP, initial subflow -> lowest-rtt interface i1"
                    + " (6.0 Mbit/s, 10.0 ms)", d.reason());
        }
    }

    @Test
    void aLargeFileSizeQualifiesWhateverTheCategory() {
        Decision bigQuery = decide(Intents.builder().category(Category.QUERY).fileSize(48_000_000).build());
        assertPath(Transport.MPTCP, "i1", bigQuery);
        assertTrue(bigQuery.reason().startsWith("filesize 48000000 >= min.file.size 1000000 -> MPTCP"),
                bigQuery.reason());
        assertPath(Transport.MPTCP, "i1", decide(Intents.builder().fileSize(1_000_000).build()));
        assertTrue(decide(Intents.builder().fileSize(999_999).build()).isOsDefault());
    }

    @Test
    void longStreamsGetMptcpAndShortOnesStayOnTheHighBandwidthLink() {
        assertPath(Transport.MPTCP, "i1", decide(stream(600)));
        Decision atThreshold = decide(stream(60));
        assertPath(Transport.MPTCP, "i1", atThreshold);
        assertTrue(atThreshold.reason().startsWith("stream of 60 s >= min.stream.duration.s 60 -> MPTCP"),
                atThreshold.reason());
        assertPath(Transport.TCP, "i2", decide(stream(59)));
        assertPath(Transport.TCP, "i2", decide(Intents.builder().category(Category.STREAM).build()));
        assertPath(Transport.TCP, "i1", decide(Intents.builder().category(Category.QUERY).duration(600).build()));
    }

    @Test
    void queriesAndConnectionsWithoutIntentsStaySinglePath() {
        Decision query = decide(Intents.builder().category(Category.QUERY).build());
        assertPath(Transport.TCP, "i1", query);
        assertEquals("category query -> lowest-rtt interface i1 (6.0 Mbit/s, 10.0 ms); single-path TCP",
                query.reason());
        Decision nothing = decide(Intents.none());
        assertTrue(nothing.isOsDefault(), nothing.toString());
        assertEquals("no category: no interface preference; single-path TCP", nothing.reason());
    }

    @Test
    void withoutHostSupportBulkFallsBackToTheCategoryPolicy() {
        hostHasMptcp.set(false);
        Decision d = decide(BULK);
        assertPath(Transport.TCP, "i2", d);
        assertEquals("category bulk transfer -> single-path TCP: MPTCP not available on this host; source"
                + " -> highest-bandwidth interface i2 (12.0 Mbit/s, 70.0 ms)", d.reason());
        hostHasMptcp.set(true);
        assertPath(Transport.MPTCP, "i1", decide(BULK));
    }

    @Test
    void theConfigurationCanOverrideTheHost() {
        hostHasMptcp.set(false);
        policy.modified(Settings.DEFAULTS.available("true"));
        assertPath(Transport.MPTCP, "i1", decide(BULK));

        hostHasMptcp.set(true);
        policy.modified(Settings.DEFAULTS.available("FALSE"));
        Decision off = decide(BULK);
        assertPath(Transport.TCP, "i2", off);
        assertTrue(off.reason().contains("MPTCP switched off by configuration"), off.reason());
    }

    @Test
    void theInitialSubflowPreferenceIsConfigurable() {
        policy.modified(new Settings("1M", "60", "bandwidth", "auto"));
        assertPath(Transport.MPTCP, "i2", decide(BULK));
        policy.modified(new Settings("1M", "60", "none", "auto"));
        assertPath(Transport.MPTCP, null, decide(BULK));
    }

    @Test
    void badValuesKeepThePreviousSettings() {
        hostHasMptcp.set(false);
        policy.modified(new Settings("10M", "120", "bandwidth", "true"));
        policy.modified(new Settings("big", "-1", "fastest", "maybe"));
        assertPath(Transport.MPTCP, "i2", decide(BULK));
        assertTrue(decide(Intents.builder().fileSize(5_000_000).build()).isOsDefault());
        assertPath(Transport.TCP, "i2", decide(stream(100)));
        assertPath(Transport.MPTCP, "i2", decide(stream(120)));
    }

    @Test
    void badValuesAtActivationKeepTheDefaults() {
        MptcpPolicy fresh = new MptcpPolicy(() -> true);
        fresh.activate(new Settings("1.5M", "a minute", "", "yes"));
        Decision d = fresh.decide(DecisionRequest.builder(RequestKind.CONNECT).intents(stream(60))
                .interfaces(new Interfaces(1, List.of(i1, i2))).build());
        assertPath(Transport.MPTCP, "i1", d);
    }

    @Test
    void theInitialSubflowMovesWhenI1IsDown() {
        assertPath(Transport.MPTCP, "i2", decide(RequestKind.CONNECT, BULK, i1.toBuilder().up(false).build(), i2));
    }

    @Test
    void anApplicationBoundSourceIsKept() throws Exception {
        Decision d = policy.decide(DecisionRequest.builder(RequestKind.CONNECT).intents(BULK)
                .interfaces(new Interfaces(1, List.of(i1, i2)))
                .boundSource(new InetSocketAddress(InetAddress.getByName("198.18.2.2"), 0)).build());
        assertPath(Transport.MPTCP, null, d);
        assertEquals("category bulk transfer -> MPTCP, initial subflow: the application bound /198.18.2.2:0 itself;"
                + " kept", d.reason());
    }
}
