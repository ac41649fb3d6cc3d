package org.socketintents.itests.netns;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short administrative commands (ip, sysctl) to completion. */
final class Commands {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private Commands() {
    }

    /**
     * @param command the command and its arguments
     * @param input   what to feed on its standard input, or null for none
     * @return its output (standard output and error together)
     * @throws IOException if it cannot start, fails or overruns the time bound; the message carries its output
     */
    static String run(List<String> command, String input) throws IOException {
        // A file rather than a pipe: nothing has to drain it while we wait with a time bound.
        Path output = Files.createTempFile("si-netns-command", ".out");
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            try (OutputStream stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            boolean exited = waitFor(process);
            String text = Files.readString(output);
            if (!exited) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within " + TIMEOUT + ": " + text);
            }
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited with " + process.exitValue() + ": "
                        + text.strip());
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private static boolean waitFor(Process process) throws IOException {
        try {
            return process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while waiting for " + process.info().commandLine().orElse("a command"),
                    e);
        }
    }
}
