package org.socketintents.lab.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.socketintents.lab.corpus.CorpusGenerator;
import org.socketintents.lab.os.FileTrees;
import org.socketintents.lab.topology.Descriptions;

/**
 * Scenario 2, first part (Figure 7): single objects of growing size, fetched one after the other by a single siget
 * (the paper: "using a single wget instance") with the two-phase download that sets the "filesize" intent; each
 * object's completion time is that of its requests in siget's timings. Shows where i2's bandwidth beats i1's round-trip time, and that the
 * filesize policy with the paper's threshold (1400 KB) follows the better interface.
 */
public final class FileSizeSweep implements Scenario {

    public static final String NAME = "filesize-sweep";
    static final String SUBJECT = "object";
    private static final String WARM_UP = "?warm-up";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Scenario 2: completion time by object size (Figure 7)";
    }

    @Override
    public String description() {
        return Descriptions.DEFAULT;
    }

    @Override
    public List<Variant> variants() {
        return List.of(Variant.only("i1"), Variant.only("i2"), Variant.fileSize("1400k"));
    }

    @Override
    public List<Measurement> run(Trial trial) throws IOException, InterruptedException {
        List<Long> sizes = trial.profile().sweepSizes();
        Map<Long, String> urls = new LinkedHashMap<>();
        sizes.forEach(size -> urls.put(size, trial.url("bulk.lab", CorpusGenerator.sweepPath(size))));
        Path timingsFile = trial.dir().resolve("objects.csv");
        Path downloads = trial.dir().resolve("downloads");
        List<String> fetched = new ArrayList<>();
        // Unmeasured: the first request of a JVM runs cold (class loading, the first connection); it is a query
        // string away from the smallest object, so that nginx serves that file and the timings tell it apart.
        fetched.add(urls.get(sizes.get(0)) + WARM_UP);
        fetched.addAll(urls.values());
        SigetCommand fetch = SigetCommand.files(fetched, Optional.empty(), true, timingsFile, downloads);
        int status;
        try (ClientProcess siget = trial.start(fetch)) {
            status = siget.await(Trial.SIGET_TIMEOUT.multipliedBy(sizes.size()));
        } finally {
            FileTrees.remove(downloads);
        }
        List<Timing> timings = Trial.timings(timingsFile);
        List<Measurement> measurements = new ArrayList<>();
        urls.forEach((size, url) -> measurements.add(trial.measure(SUBJECT,
                timings.stream().filter(t -> t.url().equals(url)).toList(), true, status)));
        return measurements;
    }
}
