package org.socketintents.lab.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A siget command line as the paper ran wget: one instance, sequential requests, intents from the command line.
 *
 * @param category the "category" intent, if any (query, bulk)
 * @param fileSizeAuto the two-phase download that gives the "filesize" intent
 * @param requisites fetch the page's embedded objects too (-p)
 * @param output where downloads go: a directory (-P), or {@code /dev/null} for a single document
 */
public record SigetCommand(List<String> urls, Optional<String> category, boolean fileSizeAuto, boolean requisites,
        Path timings, Path output) {

    private static final Path DISCARD = Path.of("/dev/null");

    public SigetCommand {
        urls = List.copyOf(urls);
        if (urls.isEmpty() || urls.size() > 1 && output.equals(DISCARD)) {
            throw new IllegalArgumentException("one URL to discard, or one or more into a directory: " + urls);
        }
    }

    public static SigetCommand page(String url, Optional<String> category, boolean fileSizeAuto, Path timings,
            Path directory) {
        return new SigetCommand(List.of(url), category, fileSizeAuto, true, timings, directory);
    }

    public static SigetCommand file(String url, Optional<String> category, boolean fileSizeAuto, Path timings) {
        return new SigetCommand(List.of(url), category, fileSizeAuto, false, timings, DISCARD);
    }

    /** Several documents, one after the other through one siget (the paper's "single wget instance"). */
    public static SigetCommand files(List<String> urls, Optional<String> category, boolean fileSizeAuto, Path timings,
            Path directory) {
        return new SigetCommand(urls, category, fileSizeAuto, false, timings, directory);
    }

    public List<String> argv(Path siget, Path mamSocket) {
        List<String> argv = new ArrayList<>(List.of(siget.toString(), "-q", "--mam-socket", mamSocket.toString(),
                "--timings", timings.toString(), "--timings-format", "csv"));
        category.ifPresent(c -> argv.addAll(List.of("--category", c)));
        if (fileSizeAuto) {
            argv.addAll(List.of("--filesize", "auto"));
        }
        if (requisites) {
            argv.add("-p");
        }
        argv.addAll(output.equals(DISCARD) ? List.of("-O", DISCARD.toString()) : List.of("-P", output.toString()));
        argv.addAll(urls);
        return argv;
    }
}
