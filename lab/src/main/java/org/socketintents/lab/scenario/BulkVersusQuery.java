package org.socketintents.lab.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.socketintents.lab.corpus.CorpusGenerator;
import org.socketintents.lab.os.FileTrees;
import org.socketintents.lab.os.TcpConnection;
import org.socketintents.lab.topology.Descriptions;

/**
 * Scenario 1 (Figure 5): a bulk download fills a link while a page loads. One siget fetches the bulk file with
 * intent category=bulk; once it has a head start, a second fetches a page with category=query. Measured: the page
 * load time, and the bulk download's goodput while the page loaded ({@link BulkWindow}); the bulk download is
 * stopped when the page is complete.
 */
public final class BulkVersusQuery implements Scenario {

    public static final String NAME = "bulk-vs-query";
    /** Subjects of the bulk measurements start with this, followed by the page loaded beside it. */
    public static final String BULK_SUBJECT_PREFIX = "bulk:";
    /** The MPTCP policy's default: the bulk download (category bulk) is what gets MPTCP, the page does not. */
    private static final String BULK_MPTCP_MIN_FILE_SIZE = "1M";
    private static final Duration BULK_HEAD_START = Duration.ofSeconds(2);
    private static final Duration BULK_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(50);

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Scenario 1: bulk transfer vs. query (Figure 5)";
    }

    @Override
    public String description() {
        return Descriptions.DEFAULT;
    }

    @Override
    public List<Variant> variants() {
        return List.of(Variant.only("i1"), Variant.only("i2"), Variant.category(), Variant.earliestArrival(),
                Variant.mptcp(BULK_MPTCP_MIN_FILE_SIZE));
    }

    /** The subject of the bulk download's measurement beside {@code page}. */
    public static String bulkSubject(String page) {
        return BULK_SUBJECT_PREFIX + page;
    }

    /** The page of a bulk subject: "news" for "bulk:news". */
    public static String pageBeside(String bulkSubject) {
        return bulkSubject.substring(BULK_SUBJECT_PREFIX.length());
    }

    public static boolean isBulk(Measurement measurement) {
        return measurement.subject().startsWith(BULK_SUBJECT_PREFIX);
    }

    @Override
    public List<Measurement> run(Trial trial) throws IOException, InterruptedException {
        List<Measurement> measurements = new ArrayList<>();
        for (String page : CorpusGenerator.PAGE_NAMES) {
            Path pageTimings = trial.dir().resolve(page + ".csv");
            Path downloads = trial.dir().resolve("downloads");
            SigetCommand bulk = SigetCommand.file(trial.url("bulk.lab", CorpusGenerator.BULK_PATH), Optional.of("bulk"),
                    false, trial.dir().resolve("bulk-" + page + ".csv"));
            SigetCommand query = SigetCommand.page(trial.url(page + ".lab", page + "/index.html"),
                    Optional.of("query"), false, pageTimings, downloads);
            measurements.addAll(loadBesideBulk(trial, page, bulk, query, pageTimings));
            FileTrees.remove(downloads);
        }
        return measurements;
    }

    /**
     * Starts the bulk download, loads the page once the bulk download has its head start, stops the bulk download
     * and returns the page's load time and what the bulk download received while the page loaded. When the latter
     * cannot be told, the client's connections before and after the page go to a file beside the timings.
     */
    private static List<Measurement> loadBesideBulk(Trial trial, String page, SigetCommand bulk, SigetCommand query,
            Path pageTimings) throws IOException, InterruptedException {
        String subject = bulkSubject(page);
        try (ClientProcess background = trial.start(bulk)) {
            awaitBulkConnection(trial);
            Thread.sleep(BULK_HEAD_START.toMillis());
            // Each time stamp is taken just before its counter is read, so the two reading delays cancel.
            long start = System.nanoTime();
            List<TcpConnection> before = trial.clientConnections();
            Optional<BulkWindow> window = BulkWindow.open(before, start);
            int pageStatus;
            try (ClientProcess foreground = trial.start(query)) {
                pageStatus = foreground.await(Trial.SIGET_TIMEOUT);
            }
            long end = System.nanoTime();
            List<TcpConnection> after = trial.clientConnections();
            Measurement meanwhile = window.isEmpty()
                    ? BulkWindow.failed(trial.scenario(), trial.variant().label(), subject, trial.repetition())
                    : window.get().close(after, end, trial.layout(), trial.scenario(), trial.variant().label(),
                            subject, trial.repetition());
            if (!meanwhile.valid()) {
                Files.writeString(trial.dir().resolve("bulk-" + page + "-connections.txt"),
                        "before the page:\n" + lines(before) + "after the page:\n" + lines(after));
            }
            return List.of(trial.measure(page, pageTimings, false, pageStatus), meanwhile);
        }
    }

    /**
     * The head start counts from the bulk download's connection, not from starting siget: on a busy machine the
     * JVM may take a while, and the page must find the bulk download under way.
     */
    private static void awaitBulkConnection(Trial trial) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + BULK_CONNECT_TIMEOUT.toNanos();
        while (trial.clientConnections().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
        }
    }

    private static String lines(List<TcpConnection> connections) {
        return connections.stream().map(c -> "  " + c + "\n").collect(Collectors.joining());
    }
}
