package org.socketintents.itests.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.socketintents.api.Category;

/**
 * What the tests of one class share: a {@link TwoLinkLab}, a {@link PeerAddressServer} in its server namespace,
 * a log directory, and a {@link Teardown} that ends every process and deletes the namespaces.
 */
final class LabSession implements AutoCloseable {

    private static final Duration SERVER_START = Duration.ofSeconds(20);
    private static final Duration CLIENT_RUN = Duration.ofSeconds(20);

    private final Teardown teardown = new Teardown();
    private final Path logs;
    private TwoLinkLab lab;

    private LabSession(Path logs) {
        this.logs = logs;
    }

    /**
     * Sets up the lab and starts the server.
     *
     * @param name names the log directory
     */
    static LabSession open(String name) throws IOException, InterruptedException {
        LabSession session = new LabSession(
                Path.of(System.getProperty("socketintents.itest.logs", "target/netns-logs"), name));
        try {
            session.lab = session.own(TwoLinkLab.create());
            ChildProcess server = session.own(ChildProcess.start("server", session.lab.inServer(
                    JavaCommand.of(PeerAddressServer.class, List.of(), List.of(
                            TwoLinkLab.SERVICE.getAddress().getHostAddress(),
                            Integer.toString(TwoLinkLab.SERVICE.getPort())))), Map.of(), session.logs));
            server.awaitLine(PeerAddressServer.READY::equals, SERVER_START);
            return session;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            session.close();
            throw e;
        }
    }

    TwoLinkLab lab() {
        return lab;
    }

    Path logs() {
        return logs;
    }

    /** Starts the MAM with the script's default JVM settings in the client namespace, owned by this session. */
    MamDaemon startMam() throws IOException, InterruptedException {
        return startMam("default", "");
    }

    /**
     * Starts the MAM in the client namespace, owned by this session.
     *
     * @param profile     the script's JVM settings (its SOCKET_INTENTS_PROFILE)
     * @param javaOptions more JVM options, e.g. a heap size
     */
    MamDaemon startMam(String profile, String javaOptions) throws IOException, InterruptedException {
        return own(MamDaemon.start(lab, logs, profile, javaOptions));
    }

    /** @return the resource, to be released with the session (before anything owned earlier) */
    <T extends AutoCloseable> T own(T resource) {
        return teardown.own(resource);
    }

    /**
     * Runs a client program in the client namespace to its end.
     *
     * @return the connection it reported
     * @throws AssertionError, with the program's output, if it fails or reports nothing
     */
    ConnectionReport connect(String name, Class<?> program, List<String> jvmOptions, List<String> args)
            throws IOException, InterruptedException {
        try (ChildProcess client = ChildProcess.start(name,
                lab.inClient(JavaCommand.of(program, jvmOptions, args)), Map.of(), logs)) {
            assertEquals(0, client.awaitExit(CLIENT_RUN), () -> name + " failed\n" + client.describe());
            return ConnectionReport.find(client.lines()).orElseThrow(
                    () -> new AssertionError(name + " reported no connection\n" + client.describe()));
        }
    }

    /**
     * Runs a client program that connects to the lab's service with a category intent, asking the MAM.
     *
     * @param program a client program taking the category, the service's address and port as arguments
     * @return the connection it reported
     */
    ConnectionReport connectToService(Class<?> program, Category category, MamDaemon mam)
            throws IOException, InterruptedException {
        return connect(program.getSimpleName() + "-" + category, program, mam.clientOptions(),
                List.of(category.name(), TwoLinkLab.SERVICE.getAddress().getHostAddress(),
                        Integer.toString(TwoLinkLab.SERVICE.getPort())));
    }

    @Override
    public void close() {
        teardown.close();
    }
}
