package org.socketintents.benchmarks.load;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.socketintents.protocol.DecisionReply;

/** The distribution started as a daemon, {@code bin/socket-intents --daemon}, with the tool's runtime files. */
final class Daemon implements AutoCloseable {

    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    private static final int LOG_TAIL_LINES = 20;

    private final Process script;
    private final long launchedNanos;
    private final RuntimeFiles files;

    /**
     * The first decision of the configured policy.
     *
     * @param sinceLaunch time from starting the script to the reply
     * @param reply       the reply
     */
    record FirstDecision(Duration sinceLaunch, DecisionReply reply) {
    }

    private Daemon(Process script, long launchedNanos, RuntimeFiles files) {
        this.script = script;
        this.launchedNanos = launchedNanos;
        this.files = files;
    }

    /**
     * @param distribution the distribution's directory
     * @param javaOptions  JVM options besides the socket path (heap, profiling)
     * @param profile      the script's JVM profile (SOCKET_INTENTS_PROFILE); empty to leave the environment's
     */
    static Daemon launch(Path distribution, RuntimeFiles files, String javaOptions, String profile)
            throws IOException {
        Files.deleteIfExists(files.socket());
        ProcessBuilder builder = new ProcessBuilder(distribution.resolve("bin/socket-intents").toString(), "--daemon")
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(ProcessBuilder.Redirect.appendTo(files.log().toFile()))
                .redirectErrorStream(true);
        builder.environment().remove("SOCKET_INTENTS_SOCKET");
        builder.environment().put("SOCKET_INTENTS_CONF", files.conf().toString());
        builder.environment().put("SOCKET_INTENTS_CACHE", files.cache().toString());
        if (!profile.isEmpty()) {
            builder.environment().put("SOCKET_INTENTS_PROFILE", profile);
        }
        builder.environment().put("JAVA_OPTS", ("-Dsocketintents.socket=" + files.socket() + " " + javaOptions).trim());
        long launched = System.nanoTime();
        return new Daemon(builder.start(), launched, files);
    }

    /**
     * Asks for a decision until the configured policy gives one.
     *
     * @param policy  the policy expected to answer
     * @param timeout how long after launch to give up
     * @throws IOException if the daemon exits or does not answer in time
     */
    FirstDecision awaitFirstDecision(String policy, Duration timeout) throws IOException {
        long deadline = launchedNanos + timeout.toNanos();
        String lastProblem = "the socket never appeared";
        while (System.nanoTime() - deadline < 0) {
            if (!script.isAlive()) {
                throw failure("the daemon exited with status " + script.exitValue() + " before answering");
            }
            try (DecisionClient client = DecisionClient.connect(files.socket(), new DecisionTally())) {
                while (System.nanoTime() - deadline < 0) {
                    DecisionReply reply = client.decide();
                    if (reply.policy().equals(policy)) {
                        return new FirstDecision(Duration.ofNanos(System.nanoTime() - launchedNanos), reply);
                    }
                    lastProblem = "the answers came from policy '" + reply.policy() + "'";
                    LockSupport.parkNanos(POLL_NANOS);
                }
            } catch (IOException e) {
                lastProblem = e.toString();
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
        throw failure("no decision from policy '" + policy + "' within " + timeout.toMillis() + " ms: " + lastProblem);
    }

    /** @return the MAM's socket */
    Path socket() {
        return files.socket();
    }

    /** @return the id of the daemon's JVM (the script runs it as its child) */
    long javaPid() throws IOException {
        Optional<ProcessHandle> java = script.toHandle().children()
                .filter(child -> child.info().command().map(c -> c.endsWith("/java") || c.equals("java")).orElse(false))
                .findFirst();
        return java.orElseThrow(() -> failure("the daemon's JVM is not running")).pid();
    }

    /** @return the problem, with the end of the daemon's log, which tells what the daemon made of it */
    IOException failure(String problem) {
        String tail;
        try {
            List<String> lines = Files.readAllLines(files.log());
            tail = String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException e) {
            tail = "(no log: " + e + ")";
        }
        return new IOException(problem + "; the daemon's log ends:\n" + tail);
    }

    /** Stops the daemon as its service manager would: SIGTERM to the script, which stops the JVM. */
    @Override
    public void close() throws IOException {
        script.destroy();
        try {
            if (!script.waitFor(20, TimeUnit.SECONDS)) {
                script.descendants().forEach(ProcessHandle::destroyForcibly);
                script.destroyForcibly();
                throw new IOException("the daemon did not stop within 20 s of SIGTERM");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            script.descendants().forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
        }
    }
}
