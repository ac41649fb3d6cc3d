package org.socketintents.lab.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.socketintents.lab.corpus.CorpusGenerator;
import org.socketintents.lab.os.FileTrees;
import org.socketintents.lab.topology.Descriptions;

/**
 * Scenario 1 (Figure 5): a bulk download fills a link while a page loads. One siget fetches the bulk file with
 * intent category=bulk; once it has a head start, a second fetches a page with category=query. The page load
 * time is measured; the bulk download is stopped when the page is complete.
 */
public final class BulkVersusQuery implements Scenario {

    public static final String NAME = "bulk-vs-query";
    private static final Duration BULK_HEAD_START = Duration.ofSeconds(2);

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
        return List.of(Variant.only("i1"), Variant.only("i2"), Variant.category());
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
            try (ClientProcess background = trial.start(bulk)) {
                Thread.sleep(BULK_HEAD_START.toMillis());
                try (ClientProcess foreground = trial.start(query)) {
                    foreground.await(Trial.SIGET_TIMEOUT);
                }
            }
            measurements.add(trial.measure(page, pageTimings, false));
            FileTrees.remove(downloads);
        }
        return measurements;
    }
}
