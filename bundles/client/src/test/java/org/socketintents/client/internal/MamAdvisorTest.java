package org.socketintents.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.client.FakeMam;
import org.socketintents.client.MamClientConfig;
import org.socketintents.client.MamStatus;
import org.socketintents.protocol.ConnectRequest;
import org.socketintents.protocol.DecisionOutcome;
import org.socketintents.protocol.DecisionReply;
import org.socketintents.protocol.MessageType;
import org.socketintents.protocol.Pong;

class MamAdvisorTest {

    private static final Duration BACKOFF = Duration.ofSeconds(1);
    private static final InetSocketAddress REMOTE = new InetSocketAddress(InetAddress.getLoopbackAddress(), 80);

    @TempDir
    Path dir;

    private final AtomicLong clock = new AtomicLong();
    private FakeMam mam;
    private MamAdvisor advisor;

    @BeforeEach
    void setUp() {
        mam = new FakeMam(dir.resolve("mam.sock"));
        advisor = new MamAdvisor(MamClientConfig.builder().socketPath(mam.path()).timeout(Duration.ofSeconds(5))
                .backoff(BACKOFF).build(), clock::get);
    }

    @AfterEach
    void tearDown() throws Exception {
        advisor.close();
        mam.stop();
    }

    @Test
    void afterAFailureTheMamIsLeftAloneUntilTheBackoffEndsThenUsedAgain() throws Exception {
        assertTrue(ask().isEmpty());
        MamStatus failed = advisor.status();
        assertTrue(failed.backingOff());
        assertFalse(failed.lastRequestAnswered());

        mam.start();
        clock.addAndGet(BACKOFF.toNanos() - 1);
        assertTrue(ask().isEmpty());
        assertEquals(0, mam.connections());

        clock.addAndGet(1);
        assertTrue(ask().isPresent());
        MamStatus recovered = advisor.status();
        assertTrue(recovered.lastRequestAnswered());
        assertFalse(recovered.backingOff());
        assertEquals(1, recovered.answered());
        assertEquals(2, recovered.fallbacks());
        assertEquals(mam.path(), recovered.socketPath());
    }

    @Test
    void aRestartedMamIsReachedThroughAFreshConnectionWithoutFallingBack() throws Exception {
        mam.start();
        assertTrue(ask().isPresent());
        mam.stop();
        mam.start();

        assertTrue(ask().isPresent());
        assertEquals(0, advisor.status().fallbacks());
        assertEquals(2, mam.connections());
    }

    @Test
    void pooledConnectionsAreReused() throws Exception {
        mam.start();
        for (int i = 0; i < 5; i++) {
            assertTrue(ask().isPresent());
        }
        assertEquals(1, mam.connections());
    }

    @Test
    void concurrentRequestsEachGetTheirOwnAnswer() throws Exception {
        mam.behave((request, conversation) -> conversation.reply(FakeMam.replyTo(request,
                Decision.osDefault("port " + ((ConnectRequest) request).remote().getPort())))).start();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 50; i++) {
                        int port = 1 + thread * 100 + i;
                        Optional<Decision> decision = advisor.connect(new InetSocketAddress(REMOTE.getAddress(), port),
                                null, null, Intents.none());
                        assertEquals("port " + port, decision.orElseThrow().reason());
                    }
                    return null;
                }));
            }
            for (Future<?> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(400, advisor.status().answered());
        assertEquals(0, advisor.status().fallbacks());
    }

    @Test
    void aReplyToAnotherRequestOrOfTheWrongTypeIsAFailure() throws Exception {
        mam.behave((request, conversation) -> conversation.reply(new DecisionReply(request.requestId() + 1,
                MessageType.CONNECT_REPLY, Decision.osDefault("x"), "", DecisionOutcome.POLICY))).start();
        assertTrue(ask().isEmpty());
        assertTrue(advisor.status().lastFailure().contains("while waiting for request"), advisor.status().lastFailure());

        mam.behave((request, conversation) -> conversation.reply(new Pong(request.requestId())));
        clock.addAndGet(BACKOFF.toNanos());
        assertTrue(ask().isEmpty());
        assertTrue(advisor.status().lastFailure().contains("PONG"), advisor.status().lastFailure());
    }

    @Test
    void anInterruptedCallerDoesNotAskAndCausesNoBackoff() throws Exception {
        mam.start();
        Thread.currentThread().interrupt();
        try {
            assertTrue(ask().isEmpty());
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt is left for the application");
        }
        assertEquals(0, mam.connections());
        assertFalse(advisor.status().backingOff());
        assertTrue(ask().isPresent());
    }

    @Test
    void onlyTheFirstFallbackIsAWarning() {
        Logger logger = Logger.getLogger(MamAdvisor.class.getName());
        List<LogRecord> warnings = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel() == Level.WARNING) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(handler);
        try {
            for (int i = 0; i < 3; i++) {
                clock.addAndGet(BACKOFF.toNanos());
                assertTrue(ask().isEmpty());
            }
        } finally {
            logger.removeHandler(handler);
        }
        assertEquals(1, warnings.size());
        assertEquals(3, advisor.status().fallbacks());
    }

    private Optional<Decision> ask() {
        return advisor.connect(REMOTE, "example.org", null, Intents.none());
    }
}
