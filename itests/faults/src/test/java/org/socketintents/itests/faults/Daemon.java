package org.socketintents.itests.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The MAM distribution started by its script as a daemon on a socket of the test's, its output appended to a log
 * file. Killing it kills the script and the JVM it started with SIGKILL, as a crash would.
 */
final class Daemon {

    private static final Path DISTRIBUTION = Path.of(System.getProperty("socketintents.distribution",
            "../../distribution/target/socket-intents"));

    private final Process process;

    private Daemon(Process process) {
        this.process = process;
    }

    /** Starts the MAM with the shipped configuration, its socket at {@code socket}, the os-default policy. */
    static Daemon start(Path work, Path socket, Path log) throws IOException {
        Path script = DISTRIBUTION.resolve("bin/socket-intents");
        if (!Files.isExecutable(script)) {
            throw new AssertionError("no MAM start script at " + script.toAbsolutePath()
                    + ": build the distribution first (mvn -B install -pl distribution -am)");
        }
        Path conf = work.resolve("conf");
        if (!Files.isDirectory(conf)) {
            Files.createDirectories(conf);
            try (Stream<Path> files = Files.list(DISTRIBUTION.resolve("conf"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".cfg")).toList()) {
                    Files.copy(file, conf.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.writeString(conf.resolve("org.socketintents.mam.cfg"),
                    "policy=os-default\nsocket.path=" + socket + "\n");
        }
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(script.toString(), "--daemon").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("SOCKET_INTENTS_CONF", conf.toString());
        builder.environment().put("SOCKET_INTENTS_CACHE", work.resolve("cache").toString());
        builder.environment().put("JAVA_OPTS", "-Dsocketintents.socket=" + socket);
        Process process = builder.start();
        process.getOutputStream().close();
        return new Daemon(process);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL to the JVM and the script: no shutdown hook runs, the socket file stays behind. */
    void kill() {
        end(ProcessHandle::destroyForcibly);
    }

    /** SIGTERM: a clean stop. */
    void stop() {
        end(ProcessHandle::destroy);
    }

    /** Signals the JVM and the script and waits until both are gone, so that a restart finds the cache free. */
    private void end(java.util.function.Consumer<ProcessHandle> signal) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(signal);
        all.forEach(handle -> handle.onExit().join());
    }
}
