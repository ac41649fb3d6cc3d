package org.socketintents.lab.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.socketintents.lab.corpus.CorpusGenerator;
import org.socketintents.lab.topology.Descriptions;

/**
 * Scenario 2, first part (Figure 7): single objects of growing size, each fetched by one siget with the two-phase
 * download that sets the "filesize" intent. Shows where i2's bandwidth beats i1's round-trip time, and that the
 * filesize policy with the paper's threshold (1400 KB) follows the better interface.
 */
public final class FileSizeSweep implements Scenario {

    public static final String NAME = "filesize-sweep";
    static final String SUBJECT = "object";

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
        List<Measurement> measurements = new ArrayList<>();
        for (long size : trial.profile().sweepSizes()) {
            Path timings = trial.dir().resolve("object-" + size + ".csv");
            SigetCommand fetch = SigetCommand.file(trial.url("bulk.lab", CorpusGenerator.sweepPath(size)),
                    Optional.empty(), true, timings);
            try (ClientProcess siget = trial.start(fetch)) {
                siget.await(Trial.SIGET_TIMEOUT);
            }
            measurements.add(trial.measure(SUBJECT, timings, true));
        }
        return measurements;
    }
}
