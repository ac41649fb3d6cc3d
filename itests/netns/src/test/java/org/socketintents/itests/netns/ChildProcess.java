package org.socketintents.itests.netns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * A process a test started (a server, the MAM, a client program), its output copied line by line to a log
 * file under target/ and kept for assertions and failure messages.
 */
final class ChildProcess implements AutoCloseable {

    private static final Duration GRACE = Duration.ofSeconds(5);

    private final String name;
    private final Process process;
    private final Path log;
    private final Thread pump;
    private final List<String> lines = new ArrayList<>();
    private boolean outputEnded;

    private ChildProcess(String name, Process process, Path log) throws IOException {
        this.name = name;
        this.process = process;
        this.log = log;
        Writer writer = Files.newBufferedWriter(log, StandardCharsets.UTF_8);
        this.pump = new Thread(() -> pump(writer), "output of " + name);
        pump.setDaemon(true);
        pump.start();
    }

    /**
     * @param name        names the process in messages and its log file
     * @param command     the command line
     * @param environment variables added to the inherited environment
     * @param logs        the directory for the log file
     */
    static ChildProcess start(String name, List<String> command, Map<String, String> environment, Path logs)
            throws IOException {
        Files.createDirectories(logs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        return new ChildProcess(name, process, logs.resolve(name + ".log"));
    }

    /**
     * @return the first line of output that matches
     * @throws AssertionError if the process ends its output or the timeout passes without such a line
     */
    synchronized String awaitLine(Predicate<String> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<String> line = lines.stream().filter(wanted).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            long left = deadline - System.nanoTime();
            if (outputEnded || left <= 0) {
                throw new AssertionError((outputEnded ? name + " ended" : name + " timed out after "
                        + timeout.toSeconds() + " s") + " without the expected line\n" + describe());
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /**
     * @return the exit value
     * @throws AssertionError if the process is still running after the timeout
     */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not exit within " + timeout.toSeconds() + " s\n" + describe());
        }
        pump.join(GRACE.toMillis());
        return process.exitValue();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    /** @return the command lines of the process and of every process it started, as far as the system tells them */
    List<String> commandLines() {
        return family().stream().map(member -> member.info().commandLine()).flatMap(Optional::stream).toList();
    }

    /** @return the process's name, log file and output so far, for failure messages */
    synchronized String describe() {
        return "--- " + name + " (" + log + ") ---\n" + String.join("\n", lines) + "\n--- end of " + name + " ---";
    }

    /**
     * Ends the process and every process it started, by their own ids: politely first, then by force. An
     * interrupt cuts the waiting short, never the ending.
     */
    @Override
    public void close() {
        List<ProcessHandle> all = family();
        all.forEach(ProcessHandle::destroy);
        if (!awaitEnd(all)) {
            kill(all);
        }
        try {
            pump.join(GRACE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kills the process and every process it started at once, as a crash would end them. */
    void kill() {
        kill(family());
    }

    private List<ProcessHandle> family() {
        return Stream.concat(process.descendants(), Stream.of(process.toHandle())).toList();
    }

    private static void kill(List<ProcessHandle> processes) {
        processes.forEach(ProcessHandle::destroyForcibly);
        awaitEnd(processes);
    }

    private static boolean awaitEnd(List<ProcessHandle> processes) {
        CompletableFuture<?> ended = CompletableFuture.allOf(
                processes.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new));
        try {
            ended.get(GRACE.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }

    private void pump(Writer writer) {
        try (writer; BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                writer.write(line);
                writer.write('\n');
                writer.flush();
                synchronized (this) {
                    lines.add(line);
                    notifyAll();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the output of " + name, e);
        } finally {
            synchronized (this) {
                outputEnded = true;
                notifyAll();
            }
        }
    }
}
