package org.socketintents.itests.netns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.client.MamClientConfig;
import org.socketintents.protocol.MamSocketPath;

/**
 * The MAM as shipped: the distribution's start script, run in the client namespace with a configuration made
 * for the lab (the category policy; the paper's two links as i1 and i2) and its socket in a fresh directory.
 */
final class MamDaemon implements AutoCloseable {

    /** The system property naming the unpacked distribution (set by the build). */
    private static final String DISTRIBUTION_PROPERTY = "socketintents.distribution";
    /** Where the distribution is built, from this module's directory: for runs outside Maven. */
    private static final String DISTRIBUTION_IN_REACTOR = "../../distribution/target/socket-intents";

    private static final Duration STARTUP = Duration.ofSeconds(30);
    private static final Duration LINKS_KNOWN = Duration.ofSeconds(30);

    /** The figures the netmon configuration gives each link: the paper's DSL-like and LTE-like links. */
    private static final Map<TwoLinkLab.Link, String> LINK_FIGURES = Map.of(
            TwoLinkLab.FIRST, "bandwidth.down=6M\nbandwidth.up=768k\nrtt=10\n",
            TwoLinkLab.SECOND, "bandwidth.down=12M\nbandwidth.up=6M\nrtt=70\n");

    private final ChildProcess process;
    private final Path work;
    private final Path socket;

    private MamDaemon(ChildProcess process, Path work, Path socket) {
        this.process = process;
        this.work = work;
        this.socket = socket;
    }

    /**
     * Starts the MAM and waits until it answers a PING.
     *
     * @param profile     the script's JVM settings (its SOCKET_INTENTS_PROFILE)
     * @param javaOptions more JVM options, e.g. a heap size
     */
    static MamDaemon start(TwoLinkLab lab, Path logs, String profile, String javaOptions)
            throws IOException, InterruptedException {
        Path distribution = Path.of(System.getProperty(DISTRIBUTION_PROPERTY, DISTRIBUTION_IN_REACTOR));
        Path script = distribution.resolve("bin/socket-intents");
        if (!Files.isExecutable(script)) {
            throw new AssertionError("no MAM start script at " + script.toAbsolutePath()
                    + ": build the distribution first (mvn -B install -pl distribution -am)");
        }
        // A short path of our own: Unix socket paths are limited to 107 bytes.
        Path work = Files.createTempDirectory("si-netns-mam");
        Path socket = work.resolve("mam.sock");
        ChildProcess process;
        try {
            Path conf = writeConfiguration(distribution.resolve("conf"), work.resolve("conf"), socket);
            process = ChildProcess.start("mam", lab.inClient(List.of(script.toString(), "--daemon")),
                    Map.of("JAVA_OPTS", ("-D" + MamSocketPath.PROPERTY + "=" + socket + " " + javaOptions).strip(),
                            "SOCKET_INTENTS_PROFILE", profile,
                            "SOCKET_INTENTS_CONF", conf.toString(),
                            "SOCKET_INTENTS_CACHE", work.resolve("cache").toString()),
                    logs);
        } catch (IOException | RuntimeException e) {
            try {
                deleteTree(work);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        MamDaemon mam = new MamDaemon(process, work, socket);
        try {
            MamProbe probe = mam.probe();
            Await.until("answer to a PING from the MAM", STARTUP, () -> {
                if (!process.isAlive()) {
                    throw new AssertionError("the MAM exited\n" + process.describe());
                }
                if (!Files.exists(socket)) {
                    return Optional.empty();
                }
                probe.ping();
                return Optional.of(Boolean.TRUE);
            }, process::describe);
            return mam;
        } catch (RuntimeException | Error | InterruptedException e) {
            try {
                mam.close();
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    Path socket() {
        return socket;
    }

    MamProbe probe() {
        return new MamProbe(socket);
    }

    /**
     * @return the JVM options of a client program that asks this MAM: its socket, and a generous timeout, so that a
     *         cold JVM on a busy machine does not fall back to the OS default by accident
     */
    List<String> clientOptions() {
        return List.of("-D" + MamSocketPath.PROPERTY + "=" + socket, "-D" + MamClientConfig.TIMEOUT_PROPERTY + "=5000");
    }

    /**
     * Waits until the MAM decides a connection with this category from the link's client device: until the
     * interface monitor has reported the link with its configured figures.
     */
    private void awaitChoice(Category category, TwoLinkLab.Link link, Duration timeout) throws InterruptedException {
        MamProbe probe = probe();
        Intents intents = Intents.builder().category(category).build();
        Await.until("decision for " + category + " from " + link.clientDevice(), timeout,
                () -> Optional.of(probe.decideConnect(intents, TwoLinkLab.SERVICE)).filter(reply ->
                        reply.decision().sourceInterface().equals(Optional.of(link.clientDevice()))),
                this::describe);
    }

    /**
     * Waits until the category policy chooses the first link for a query and the second for a bulk transfer: until
     * the interface monitor has reported both links with their configured figures (one configuration file each).
     */
    void awaitBothLinksKnown() throws InterruptedException {
        awaitChoice(Category.QUERY, TwoLinkLab.FIRST, LINKS_KNOWN);
        awaitChoice(Category.BULK_TRANSFER, TwoLinkLab.SECOND, LINKS_KNOWN);
    }

    /** @return the command lines of the start script and of the JVM it started */
    List<String> commandLines() {
        return process.commandLines();
    }

    /** @return the MAM's log so far, for failure messages */
    String describe() {
        return process.describe();
    }

    /** Ends the MAM (and the JVM its script started) and removes its socket directory. */
    @Override
    public void close() throws IOException {
        try {
            process.close();
        } finally {
            deleteTree(work);
        }
    }

    /** Kills the MAM outright, as a crash would: its socket file stays behind. */
    void kill() {
        process.kill();
    }

    @Override
    public String toString() {
        return "MAM " + process;
    }

    /** The distribution's own configuration, with the MAM's and netmon's replaced by the lab's. */
    private static Path writeConfiguration(Path shipped, Path conf, Path socket) throws IOException {
        Files.createDirectories(conf);
        if (Files.isDirectory(shipped)) {
            try (Stream<Path> files = Files.list(shipped)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, conf.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        try (Stream<Path> files = Files.list(conf)) {
            for (Path file : files.filter(f -> f.getFileName().toString()
                    .startsWith("org.socketintents.netmon.interface-")).toList()) {
                Files.delete(file);
            }
        }
        Files.writeString(conf.resolve("org.socketintents.mam.cfg"), "policy=category\nsocket.path=" + socket + "\n");
        for (Map.Entry<TwoLinkLab.Link, String> link : LINK_FIGURES.entrySet()) {
            String device = link.getKey().clientDevice();
            Files.writeString(conf.resolve("org.socketintents.netmon.interface-" + device + ".cfg"),
                    "name=" + device + "\n" + link.getValue());
        }
        return conf;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
