package org.socketintents.benchmarks.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@link EchoServerMain} in a JVM of its own, for as long as this object is open. */
final class EchoServerProcess implements AutoCloseable {

    private final Process process;

    private EchoServerProcess(Process process) {
        this.process = process;
    }

    /**
     * @param socket where the server listens
     * @param reply  the frame it answers every request with
     * @return the server, once it listens
     */
    static EchoServerProcess start(Path socket, byte[] reply) throws IOException {
        Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), EchoServerMain.class.getName(), socket.toString(),
                Base64.getEncoder().encodeToString(reply)))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.US_ASCII));
        String line = output.readLine();
        if (!ResultLine.READY.equals(line)) {
            process.destroyForcibly();
            throw new IOException("the echo server did not start: " + line);
        }
        return new EchoServerProcess(process);
    }

    @Override
    public void close() throws IOException {
        process.getOutputStream().close();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
