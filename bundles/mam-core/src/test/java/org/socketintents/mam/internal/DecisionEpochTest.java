package org.socketintents.mam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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
import org.socketintents.protocol.DecisionReuse;
import org.socketintents.protocol.MamSocketPath;
import org.socketintents.protocol.ResolveRequest;

/** The decision epoch: its file, what advances it, and which replies it lets clients reuse. */
class DecisionEpochTest {

    private static final Policy REUSABLE = request -> Decision.builder().sourceInterface("i1").reason("pinned")
            .reusable(true).build();
    private static final Policy PER_CONNECTION = request -> Decision.builder().sourceInterface("i2")
            .reason("rotating").build();

    @TempDir
    Path dir;

    private Path socket;
    private DecisionEpoch epoch;
    private PolicyRegistry registry;
    private DecisionEngine engine;
    private final AtomicReference<Interfaces> interfaces = new AtomicReference<>(PaperInterfaces.snapshot());

    @BeforeEach
    void setUp() {
        socket = dir.resolve("mam.sock");
        epoch = new DecisionEpoch();
        epoch.activate(config(Map.of()));
        registry = new PolicyRegistry();
        registry.setEpoch(epoch);
        registry.activate(TestConfigs.mam(Map.of("policy", "reusable")));
        registry.addPolicy(new OsDefaultPolicy(), Map.of(Policy.NAME, "os-default"));
        registry.addPolicy(REUSABLE, Map.of(Policy.NAME, "reusable"));
        registry.addPolicy(PER_CONNECTION, Map.of(Policy.NAME, "per-connection"));
        engine = new DecisionEngine(registry, TestConfigs.mam(Map.of()));
        engine.setMonitor(interfaces::get);
        engine.setEpoch(epoch);
    }

    @AfterEach
    void tearDown() {
        engine.deactivate();
        epoch.deactivate();
    }

    private MamConfig config(Map<String, Object> overrides) {
        Map<String, Object> values = new HashMap<>(overrides);
        values.putIfAbsent("socket_path", socket.toString());
        return TestConfigs.mam(values);
    }

    private long published() throws Exception {
        return ByteBuffer.wrap(Files.readAllBytes(MamSocketPath.epochFile(socket))).getLong();
    }

    private DecisionReply connect() throws Exception {
        return engine.decide(1, engine.contextOf(new ConnectRequest(1, new InetSocketAddress(
                InetAddress.getByName("192.0.2.80"), 80), null, null,
                Intents.builder().category(Category.QUERY).build())), reply -> { });
    }

    @Test
    void theEpochIsPublishedBesideTheSocketReadableByWhoMayUseIt() throws Exception {
        Path file = MamSocketPath.epochFile(socket);
        assertEquals(dir.resolve("mam.sock.epoch"), file);
        assertEquals(epoch.current(), published());
        assertEquals(8, Files.size(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                "socket mode 0660: the group may read, only the MAM writes");

        epoch.modified(config(Map.of("socket_mode", "0666")));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aReusableDecisionOfThePolicyIsTaggedWithTheEpochItBeganIn() throws Exception {
        DecisionReply reply = connect();
        assertEquals(DecisionOutcome.POLICY, reply.outcome());
        assertEquals(new DecisionReuse(epoch.current(), MamConfig.DEFAULT_DECISION_REUSE_MS), reply.reuse());
    }

    @Test
    void decisionsThatDependOnMoreThanTheRequestAreNotReused() throws Exception {
        registry.modified(TestConfigs.mam(Map.of("policy", "per-connection")));
        assertEquals(DecisionReuse.NONE, connect().reuse());
    }

    @Test
    void theMamsOwnFallbacksAreNotReused() throws Exception {
        registry.addPolicy(request -> {
            throw new IllegalStateException("broken");
        }, Map.of(Policy.NAME, "broken"));
        registry.modified(TestConfigs.mam(Map.of("policy", "broken")));
        DecisionReply reply = connect();
        assertEquals(DecisionOutcome.FALLBACK_POLICY_ERROR, reply.outcome());
        assertEquals(DecisionReuse.NONE, reply.reuse());
    }

    @Test
    void resolutionsAreNotReused() throws Exception {
        DecisionReply reply = engine.decide(2, engine.contextOf(new ResolveRequest(2, "127.0.0.1", 80,
                AddressFamily.ANY, Intents.none())), r -> { });
        assertEquals(DecisionReuse.NONE, reply.reuse());
    }

    @Test
    void zeroReuseTimeSwitchesReuseOff() throws Exception {
        epoch.modified(config(Map.of("decision_reuse_ms", 0)));
        assertEquals(DecisionReuse.NONE, connect().reuse());
    }

    @Test
    void aPolicySwapAdvancesThePublishedEpoch() throws Exception {
        long before = published();
        registry.modified(TestConfigs.mam(Map.of("policy", "per-connection")));
        assertNotEquals(before, published());
        assertEquals(epoch.current(), published());
    }

    @Test
    void reconfiguringTheActivePolicyAdvancesTheEpochAndOthersDoNot() throws Exception {
        long before = published();
        registry.updatedPolicy(PER_CONNECTION, Map.of(Policy.NAME, "per-connection"));
        assertEquals(before, published(), "an inactive policy's change changes no decision");
        registry.updatedPolicy(REUSABLE, Map.of(Policy.NAME, "reusable", "changed", true));
        assertNotEquals(before, published());
    }

    @Test
    void anInterfaceChangeAdvancesTheEpoch() throws Exception {
        long before = published();
        epoch.interfacesChanged(new Interfaces(2, PaperInterfaces.snapshot().all()));
        assertEquals(before + 1, published());
    }

    @Test
    void aDecisionOnASnapshotOlderThanTheMonitorsIsNotReused() throws Exception {
        DecisionRequest context = engine.contextOf(new ConnectRequest(1, new InetSocketAddress(
                InetAddress.getByName("192.0.2.80"), 80), null, null, Intents.none()));
        interfaces.set(new Interfaces(2, PaperInterfaces.snapshot().all()));
        assertEquals(DecisionReuse.NONE, engine.decide(1, context, r -> { }).reuse(),
                "the change came before the epoch was read, so the epoch would not end this decision's reuse");
    }

    @Test
    void stoppingTheMamAdvancesTheEpochAndLeavesTheFileForClientsThatMapIt() throws Exception {
        long before = published();
        epoch.deactivate();
        assertTrue(Files.exists(MamSocketPath.epochFile(socket)));
        assertNotEquals(before, published());
        epoch.activate(config(Map.of()));
    }

    @Test
    void aRestartedMamStartsAtAnotherEpochInTheSameFile() throws Exception {
        Path file = MamSocketPath.epochFile(socket);
        Object inode = Files.getAttribute(file, "unix:ino");
        long first = published();
        DecisionEpoch next = new DecisionEpoch();
        next.activate(config(Map.of()));
        try {
            assertNotEquals(first, published());
            assertEquals(next.current(), published());
            assertEquals(inode, Files.getAttribute(file, "unix:ino"), "written in place: clients' mappings see it");
        } finally {
            next.deactivate();
        }
    }

    @Test
    void aLinkPlacedWhereTheFileGoesIsReplacedNotFollowed() throws Exception {
        epoch.deactivate();
        Path file = MamSocketPath.epochFile(socket);
        Path target = dir.resolve("precious");
        Files.writeString(target, "do not overwrite");
        Files.delete(file);
        Files.createSymbolicLink(file, target);

        epoch.activate(config(Map.of()));

        assertEquals("do not overwrite", Files.readString(target));
        assertFalse(Files.isSymbolicLink(file));
        assertTrue(Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS));
        assertEquals(epoch.current(), published());
    }

    @Test
    void withoutAPublishedEpochNothingIsReused() throws Exception {
        Files.writeString(dir.resolve("not-a-directory"), "a file where the socket's directory should be");
        epoch.modified(config(Map.of("socket_path", dir.resolve("not-a-directory/mam.sock").toString())));
        assertFalse(epoch.isPublished());
        assertEquals(DecisionReuse.NONE, connect().reuse());
    }

    @Test
    void theSocketsDirectoryIsCreatedWhenTheEpochComesFirst() throws Exception {
        Path later = dir.resolve("run/socket-intents/mam.sock");
        epoch.modified(config(Map.of("socket_path", later.toString())));
        assertTrue(epoch.isPublished());
        assertTrue(Files.isRegularFile(MamSocketPath.epochFile(later)));
    }
}
