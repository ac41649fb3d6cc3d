package org.socketintents.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A client process of the load tool: connects its threads to the MAM, warms up, says {@value ResultLine#READY},
 * waits for {@value ResultLine#GO} on standard input, runs, and prints its result line.
 *
 * <p>Arguments: socket path, threads, warm-up round trips per thread, run duration in milliseconds.
 */
public final class ClientProcessMain {

    private ClientProcessMain() {
    }

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println("usage: ClientProcessMain <socket> <threads> <warmup-per-thread> <duration-ms>");
            System.exit(2);
        }
        try {
            Path socket = Path.of(args[0]);
            Workload workload = Workload.timed(Long.parseLong(args[2]), Duration.ofMillis(Long.parseLong(args[3])));
            BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII));
            DecisionTally tally = new DecisionTally();
            int threads = Integer.parseInt(args[1]);
            Measurement result = LoadRun.run(() -> LibraryDecisionClient.connect(socket, tally), threads, workload,
                    () -> {
                        System.out.println(ResultLine.READY);
                        System.out.flush();
                        String line = commands.readLine();
                        if (!ResultLine.GO.equals(line)) {
                            throw new IOException("expected " + ResultLine.GO + " from the load tool, got " + line);
                        }
                    });
            System.out.println(ResultLine.format(result, tally));
            System.out.flush();
        } catch (IOException | RuntimeException e) {
            System.err.println("client process failed: " + e);
            System.exit(1);
        }
    }
}
