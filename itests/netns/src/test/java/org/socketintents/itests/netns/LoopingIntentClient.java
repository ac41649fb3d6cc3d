package org.socketintents.itests.netns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.client.IntentSocket;
import org.socketintents.client.MamClient;

/**
 * Runs in the client namespace: applications that connect over and over, one thread per category given, each
 * asking the MAM first ({@link MamClient#decide}) so that the moment of every decision is known, then following
 * it ({@link IntentSocket#connect(java.net.SocketAddress, int, Decision)}). Prints a {@link DecidedConnection}
 * line per connection and {@value #DONE} at the end.
 *
 * <p>Arguments: run time in milliseconds, server address, port, then one or more {@link Category} names.
 */
public final class LoopingIntentClient {

    static final String DONE = "DONE";
    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;
    /** Between two connections of a thread: a busy application's pace, not a load test. */
    private static final long PAUSE_MILLIS = 10;

    private LoopingIntentClient() {
    }

    public static void main(String[] args) throws InterruptedException, IOException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[0]));
        InetSocketAddress server = new InetSocketAddress(InetAddress.getByName(args[1]), Integer.parseInt(args[2]));
        MamClient mam = MamClient.getDefault();
        List<Thread> threads = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            Category category = Category.valueOf(args[i]);
            Thread thread = new Thread(() -> {
                while (System.nanoTime() < end) {
                    System.out.println(connect(mam, category, server).toLine());
                    sleep();
                }
            }, "connect-" + category + "-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        System.out.println(DONE);
    }

    private static DecidedConnection connect(MamClient mam, Category category, InetSocketAddress server) {
        Intents intents = Intents.builder().category(category).build();
        Optional<Decision> decision = mam.decide(server, null, intents);
        long decided = System.nanoTime();
        Optional<String> device = decision.flatMap(Decision::sourceInterface);
        try (IntentSocket socket = new IntentSocket(intents, mam)) {
            if (decision.isPresent()) {
                socket.connect(server, CONNECT_TIMEOUT_MILLIS, decision.get());
            } else {
                socket.connect(server, CONNECT_TIMEOUT_MILLIS);
            }
            socket.setSoTimeout(CONNECT_TIMEOUT_MILLIS);
            ConnectionReport report = ConnectionReport.of(socket);
            return new DecidedConnection(category, decided, device, true, report.seenByServer().getHostAddress());
        } catch (IOException | RuntimeException e) {
            return new DecidedConnection(category, decided, device, false, String.valueOf(e));
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
