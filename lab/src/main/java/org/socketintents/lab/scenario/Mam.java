package org.socketintents.lab.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.socketintents.lab.os.FileTrees;
import org.socketintents.lab.testbed.LabState;
import org.socketintents.lab.topology.Layout;

/**
 * The MAM runtime in the client namespace, configured for one variant. Its configuration and log stay with the
 * results; its socket and framework cache (a copy of every bundle) live in the lab's state directory, which goes
 * with the lab however the run ends, and the cache is removed when the MAM stops.
 */
final class Mam implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(100);

    private final ClientProcess process;
    private final Path socket;
    private final Path cache;

    private Mam(ClientProcess process, Path socket, Path cache) {
        this.process = process;
        this.socket = socket;
        this.cache = cache;
    }

    /** Writes the configuration under {@code dir} and returns once the MAM listens on its socket. */
    static Mam start(Tools tools, Layout layout, Variant variant, Path dir, LabState state)
            throws IOException, InterruptedException {
        Path conf = Files.createDirectories(dir.resolve("conf"));
        Path socket = state.mamSocket();
        Files.deleteIfExists(socket);
        for (Map.Entry<String, String> file : new MamConfiguration(layout, variant, socket).files().entrySet()) {
            Files.writeString(conf.resolve(file.getKey()), file.getValue());
        }
        Path cache = Files.createDirectories(state.mamCache());
        ClientProcess process = ClientProcess.start(layout.clientNamespace(), List.of(tools.mam().toString(), "--daemon"),
                Map.of("SOCKET_INTENTS_CONF", conf.toString(), "SOCKET_INTENTS_CACHE", cache.toString()),
                dir.resolve("mam.log"));
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!Files.exists(socket)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.close();
                FileTrees.remove(cache);
                throw new IOException("the MAM did not open " + socket + "; see " + dir.resolve("mam.log"));
            }
            Thread.sleep(POLL.toMillis());
        }
        return new Mam(process, socket, cache);
    }

    Path socket() {
        return socket;
    }

    @Override
    public void close() {
        process.close();
        FileTrees.remove(cache);
    }
}
