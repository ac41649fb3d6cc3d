package org.socketintents.mam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.socketintents.api.Intents;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Policy;
import org.socketintents.protocol.ConnectRequest;
import org.socketintents.protocol.DecisionOutcome;
import org.socketintents.protocol.DecisionReply;
import org.socketintents.protocol.Message;

/** Clients keep asking while the operator swaps the policy back and forth: nothing fails, nothing is mixed up. */
@Timeout(120)
class SwapUnderLoadTest {

    private static final int CLIENTS = 4;
    private static final int SWAPS = 20;

    @TempDir
    Path directory;

    @Test
    void swappingTwentyTimesUnderLoadLosesNoRequest() throws Exception {
        Path socket = directory.resolve("mam.sock");
        Map<String, Object> config = Map.of("socket_path", socket.toString(), "policy", "to-i1");
        PolicyRegistry registry = new PolicyRegistry();
        registry.activate(TestConfigs.mam(config));
        registry.addPolicy(new OsDefaultPolicy(), Map.of(Policy.NAME, "os-default"));
        registry.addPolicy(r -> Decision.builder().sourceInterface("i1").reason("to-i1").build(),
                Map.of(Policy.NAME, "to-i1"));
        registry.addPolicy(r -> Decision.builder().sourceInterface("i2").reason("to-i2").build(),
                Map.of(Policy.NAME, "to-i2"));
        DecisionEngine engine = new DecisionEngine(registry, TestConfigs.mam(config));
        Interfaces paper = PaperInterfaces.snapshot();
        engine.setMonitor(() -> paper);
        MamServer server = new MamServer(engine, new StatisticsReporter(engine), new DelegatedConnects(),
                TestConfigs.mam(config));

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong answered = new AtomicLong();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Set<String> seenPolicies = ConcurrentHashMap.newKeySet();
        CountDownLatch started = new CountDownLatch(CLIENTS);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Thread client = new Thread(() -> {
                try (WireClient wire = new WireClient(socket)) {
                    started.countDown();
                    int id = 0;
                    while (running.get()) {
                        Message reply = wire.call(new ConnectRequest(++id,
                                new InetSocketAddress(InetAddress.getByName("198.18.100.1"), 80), null, null,
                                Intents.none()));
                        String problem = check(reply, id);
                        if (problem != null) {
                            synchronized (failures) {
                                failures.add(problem);
                            }
                        } else {
                            seenPolicies.add(((DecisionReply) reply).policy());
                        }
                        answered.incrementAndGet();
                    }
                } catch (Exception e) {
                    synchronized (failures) {
                        failures.add(e.toString());
                    }
                }
            });
            clients.add(client);
            client.start();
        }
        started.await();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int swap = 1; swap <= SWAPS; swap++) {
            long before = answered.get();
            registry.modified(TestConfigs.mam(Map.of("policy", swap % 2 == 1 ? "to-i2" : "to-i1")));
            // Let the clients answer some requests under each policy; give up (and fail below) if they stop.
            while (answered.get() < before + 50 && failures.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
        }
        running.set(false);
        for (Thread client : clients) {
            client.join();
        }
        server.deactivate();
        engine.deactivate();

        assertEquals(List.of(), failures);
        assertEquals(Set.of("to-i1", "to-i2"), seenPolicies);
        assertTrue(answered.get() >= SWAPS * 50L, "answered " + answered.get());
    }

    /** @return null if the reply is a decision of one of the two policies, consistent with its own name */
    private static String check(Message reply, int id) {
        if (!(reply instanceof DecisionReply)) {
            return "request " + id + " answered " + reply;
        }
        DecisionReply decision = (DecisionReply) reply;
        if (decision.requestId() != id || decision.outcome() != DecisionOutcome.POLICY) {
            return "request " + id + " got " + decision;
        }
        String expectedInterface = decision.policy().equals("to-i1") ? "i1"
                : decision.policy().equals("to-i2") ? "i2" : null;
        if (expectedInterface == null || !decision.decision().sourceInterface().equals(Optional.of(expectedInterface))
                || !decision.decision().reason().equals(decision.policy())) {
            return "request " + id + " mixed up: " + decision;
        }
        return null;
    }
}
