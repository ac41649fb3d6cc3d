package org.socketintents.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the MAM's clients in separate JVMs, as separate applications would be: each process warms up, then all
 * start together on the tool's signal, and their results are merged.
 */
final class ClientProcesses {

    private ClientProcesses() {
    }

    /**
     * @param socket            the MAM's socket
     * @param processes         client processes
     * @param threadsPerProcess client threads in each
     * @param workload          a timed workload
     * @param tally             receives the processes' fallbacks and reopened connections
     */
    static Measurement run(Path socket, int processes, int threadsPerProcess, Workload workload, DecisionTally tally)
            throws IOException {
        List<Process> started = new ArrayList<>();
        try {
            List<BufferedReader> outputs = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                Process process = new ProcessBuilder(command(socket, threadsPerProcess, workload))
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
                started.add(process);
                outputs.add(new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII)));
            }
            for (BufferedReader output : outputs) {
                expect(output, ResultLine.READY);
            }
            for (Process process : started) {
                OutputStream input = process.getOutputStream();
                input.write((ResultLine.GO + "\n").getBytes(StandardCharsets.US_ASCII));
                input.flush();
            }
            List<Measurement> parts = new ArrayList<>();
            for (BufferedReader output : outputs) {
                String line = output.readLine();
                if (line == null) {
                    throw new IOException("a client process ended without a result");
                }
                parts.add(ResultLine.parse(line, tally));
            }
            for (Process process : started) {
                if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    throw new IOException("a client process did not exit cleanly");
                }
            }
            return Measurement.concurrent(parts);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the client processes", e);
        } finally {
            started.forEach(Process::destroy);
        }
    }

    private static List<String> command(Path socket, int threads, Workload workload) {
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                ClientProcessMain.class.getName(),
                socket.toString(), Integer.toString(threads), Long.toString(workload.warmupPerClient()),
                Long.toString(workload.duration().toMillis()));
    }

    private static void expect(BufferedReader output, String expected) throws IOException {
        String line = output.readLine();
        if (!expected.equals(line)) {
            throw new IOException("a client process said " + (line == null ? "nothing" : "'" + line + "'")
                    + " instead of " + expected);
        }
    }
}
