package org.socketintents.stats.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** A directory laid out like /sys/class/net, whose byte counters the test sets. */
final class CounterDirectory {

    private final Path root;

    CounterDirectory(Path root) {
        this.root = root;
    }

    Path root() {
        return root;
    }

    /** Writes an interface's counters as sysfs shows them: a decimal number and a line feed. */
    void set(String interfaceName, String received, String sent) {
        try {
            Path statistics = Files.createDirectories(root.resolve(interfaceName).resolve("statistics"));
            Files.writeString(statistics.resolve("rx_bytes"), received + "\n");
            Files.writeString(statistics.resolve("tx_bytes"), sent + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void set(String interfaceName, long received, long sent) {
        set(interfaceName, Long.toUnsignedString(received), Long.toUnsignedString(sent));
    }

    /** The interface vanishes, as its sysfs directory does. */
    void remove(String interfaceName) {
        try (Stream<Path> files = Files.walk(root.resolve(interfaceName))) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
