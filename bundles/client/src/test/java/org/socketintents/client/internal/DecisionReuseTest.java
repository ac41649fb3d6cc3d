package org.socketintents.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.client.FakeMam;
import org.socketintents.client.MamClientConfig;
import org.socketintents.protocol.ConnectRequest;
import org.socketintents.protocol.DecisionOutcome;
import org.socketintents.protocol.DecisionReply;
import org.socketintents.protocol.DecisionReuse;
import org.socketintents.protocol.MamSocketPath;
import org.socketintents.protocol.MessageType;

/** Connects that apply a decision again, without asking, while the MAM's published epoch says they may. */
class DecisionReuseTest {

    private static final InetSocketAddress REMOTE = new InetSocketAddress(InetAddress.getLoopbackAddress(), 80);
    private static final Intents QUERY = Intents.builder().category(Category.QUERY).build();
    private static final long REUSE_MILLIS = 60_000;

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong();
    /** What the fake MAM publishes and tags its replies with. */
    private final AtomicLong epoch = new AtomicLong(0x5eed_0000_0000_0001L);
    private FakeMam mam;
    private MamAdvisor advisor;

    @BeforeEach
    void setUp() throws IOException {
        mam = new FakeMam(dir.resolve("mam.sock"));
        mam.behave((request, conversation) -> conversation.reply(new DecisionReply(request.requestId(),
                MessageType.CONNECT_REPLY, Decision.builder().sourceInterface("i1").reason("fake "
                + request.requestId()).build(), "fake", DecisionOutcome.POLICY,
                new DecisionReuse(epoch.get(), REUSE_MILLIS)))).start();
        publish(epoch.get());
        advisor = advisor(MamClientConfig.DEFAULT_DECISION_CACHE);
    }

    @AfterEach
    void tearDown() throws Exception {
        advisor.close();
        mam.stop();
    }

    private MamAdvisor advisor(int cache) {
        return new MamAdvisor(MamClientConfig.builder().socketPath(mam.path()).timeout(Duration.ofSeconds(5))
                .decisionCache(cache).build(), clock::get);
    }

    /** Writes the epoch in place, as the MAM does. */
    private void publish(long value) throws IOException {
        try (FileChannel file = FileChannel.open(MamSocketPath.epochFile(mam.path()), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.allocate(Long.BYTES).putLong(0, value), 0);
        }
    }

    private Optional<Decision> connect(Intents intents) {
        return advisor.connect(REMOTE, null, null, intents);
    }

    private int asked() {
        return mam.requests(ConnectRequest.class).size();
    }

    @Test
    void anIdenticalConnectAppliesTheDecisionAgainWithoutAsking() {
        Decision first = connect(QUERY).orElseThrow();
        Decision second = connect(QUERY).orElseThrow();

        assertEquals(first, second);
        assertEquals(1, asked());
        assertEquals(1, advisor.status().reused());
        assertEquals(1, advisor.status().answered());
    }

    @Test
    void connectsThatDifferInAnythingThePolicySeesAreAsked() throws Exception {
        connect(QUERY);
        connect(Intents.builder().category(Category.BULK_TRANSFER).build());
        connect(QUERY.toBuilder().fileSize(1_000).build());
        advisor.connect(new InetSocketAddress(REMOTE.getAddress(), 443), null, null, QUERY);
        advisor.connect(REMOTE, "www.example.org", null, QUERY);
        advisor.connect(REMOTE, null, new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), QUERY);

        assertEquals(6, asked());
        assertEquals(0, advisor.status().reused());
    }

    @Test
    void whenTheMamAdvancesItsEpochTheNextConnectIsAskedAndItsAnswerReused() throws Exception {
        connect(QUERY);
        epoch.incrementAndGet();
        publish(epoch.get());

        connect(QUERY);
        assertEquals(2, asked(), "a policy or interface change ends the reuse");
        connect(QUERY);
        assertEquals(2, asked(), "the new epoch's decision is reused");
    }

    @Test
    void reuseEndsWhenTheTimeTheMamAllowedRunsOut() {
        connect(QUERY);
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(REUSE_MILLIS) - 1);
        connect(QUERY);
        assertEquals(1, asked());

        clock.incrementAndGet();
        connect(QUERY);
        assertEquals(2, asked());
    }

    @Test
    void aReplyFromAnEpochThatIsNoLongerPublishedIsNotKept() throws Exception {
        publish(epoch.get() + 1);
        connect(QUERY);
        connect(QUERY);
        assertEquals(2, asked());
    }

    @Test
    void withoutAnEpochFileEveryConnectIsAsked() throws Exception {
        Files.delete(MamSocketPath.epochFile(mam.path()));
        connect(QUERY);
        connect(QUERY);
        assertEquals(2, asked());
    }

    /** A MAM that stops advances its epoch; the next one may find its directory wiped and make a new file. */
    @Test
    void aReplacedEpochFileIsMappedAgain() throws Exception {
        connect(QUERY);
        publish(epoch.incrementAndGet());
        Files.delete(MamSocketPath.epochFile(mam.path()));
        publish(epoch.addAndGet(1_000));

        connect(QUERY);
        connect(QUERY);
        assertEquals(2, asked(), "the first answer under the new file maps it; the next connect reuses that");
    }

    @Test
    void aDecisionTheMamDidNotAllowToBeReusedIsAskedForEveryTime() {
        mam.behave(FakeMam.deciding(Decision.builder().sourceInterface("i2").reason("rotating").build()));
        connect(QUERY);
        connect(QUERY);
        assertEquals(2, asked());
    }

    @Test
    void aCacheOfZeroAsksForEveryConnect() {
        advisor.close();
        advisor = advisor(0);
        connect(QUERY);
        connect(QUERY);
        assertEquals(2, asked());
    }

    @Test
    void theCacheKeepsNoMoreThanItsCapacityAndAlwaysTheLatestDecision() {
        DecisionCache cache = new DecisionCache(4, new PublishedEpoch(mam::path));
        DecisionReuse reuse = new DecisionReuse(epoch.get(), REUSE_MILLIS);
        for (int size = 0; size < 20; size++) {
            DecisionCache.Key key = new DecisionCache.Key(REMOTE, null, null, QUERY.toBuilder().fileSize(size).build());
            cache.keep(key, Decision.osDefault("decision " + size), reuse, 0);
            assertTrue(cache.size() <= 4, cache.size() + " kept");
            assertEquals(Decision.osDefault("decision " + size), cache.reuse(key, 0));
        }
    }
}
