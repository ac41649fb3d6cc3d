package org.socketintents.stats.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads interfaces' byte counters from sysfs: {@code <directory>/<interface>/statistics/rx_bytes} and
 * {@code tx_bytes}, plain files holding one unsigned decimal number each.
 */
final class CounterFiles {

    private final Path directory;

    /** @param directory {@code /sys/class/net}, or a directory laid out like it */
    CounterFiles(Path directory) {
        this.directory = directory;
    }

    /**
     * @param interfaceName an interface's kernel name
     * @return its counters now
     * @throws IOException if they cannot be read (the interface vanished, no sysfs) or do not parse
     */
    ByteCounters read(String interfaceName) throws IOException {
        if (interfaceName.contains("/") || interfaceName.equals(".") || interfaceName.equals("..")) {
            throw new IOException("'" + interfaceName + "' is not an interface name");
        }
        Path statistics = directory.resolve(interfaceName).resolve("statistics");
        return new ByteCounters(counter(statistics.resolve("rx_bytes")), counter(statistics.resolve("tx_bytes")));
    }

    private static long counter(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(file + " holds no counter: '" + text + "'", e);
        }
    }
}
