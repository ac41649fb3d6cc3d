package org.socketintents.benchmarks.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files of the daemons the tool starts, in a temporary directory removed at the end: a copy of the
 * distribution's configuration plus the tool's own settings, the framework cache, the socket and the log. Nothing
 * of the distribution itself is written.
 */
final class RuntimeFiles implements AutoCloseable {

    private final Path root;
    private final Optional<String> configuredInterface;

    private RuntimeFiles(Path root, Optional<String> configuredInterface) {
        this.root = root;
        this.configuredInterface = configuredInterface;
    }

    /**
     * @param distributionConf  the distribution's conf/ directory, whose *.cfg files are copied
     * @param statsIntervalMs   the statistics collector's sampling interval
     */
    static RuntimeFiles create(Path distributionConf, int statsIntervalMs) throws IOException {
        Path root = Files.createTempDirectory("si-load");
        Path conf = Files.createDirectory(root.resolve("conf"));
        Files.createDirectory(root.resolve("cache"));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(distributionConf, "*.cfg")) {
            for (Path file : files) {
                Files.copy(file, conf.resolve(file.getFileName()));
            }
        }
        Files.writeString(conf.resolve("org.socketintents.stats.cfg"),
                "# Sampling during the load, as often as the authors' daemon sampled (every 100 ms).\n"
                        + "sample.interval.ms = " + statsIntervalMs + "\n");
        Optional<String> figures = firstExternalInterface();
        if (figures.isPresent()) {
            // Figures make the category policy choose this interface, as on a configured gateway.
            Files.writeString(conf.resolve("org.socketintents.netmon.interface-load.cfg"),
                    "name = " + figures.get() + "\nbandwidth.down = 100M\nbandwidth.up = 20M\nrtt = 10\n");
        }
        return new RuntimeFiles(root, figures);
    }

    private static Optional<String> firstExternalInterface() throws SocketException {
        try (Stream<NetworkInterface> all = NetworkInterface.networkInterfaces()) {
            return all.filter(RuntimeFiles::isExternalIpv4).map(NetworkInterface::getName).findFirst();
        } catch (UncheckedIOException e) {
            return Optional.empty();
        }
    }

    private static boolean isExternalIpv4(NetworkInterface candidate) {
        try {
            return candidate.isUp() && !candidate.isLoopback()
                    && candidate.inetAddresses().anyMatch(a -> a instanceof Inet4Address);
        } catch (SocketException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path conf() {
        return root.resolve("conf");
    }

    Path cache() {
        return root.resolve("cache");
    }

    Path socket() {
        return root.resolve("mam.sock");
    }

    Path log() {
        return root.resolve("daemon.log");
    }

    /** @return the interface given figures in the configuration, if the host has one to give them to */
    Optional<String> configuredInterface() {
        return configuredInterface;
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
