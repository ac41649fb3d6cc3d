package org.socketintents.lab.scenario;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.socketintents.lab.corpus.CorpusGenerator;
import org.socketintents.lab.os.FileTrees;

/**
 * Scenario 2, second part (Figure 6): on i1' (2 Mbit/s down) and i2, both pages are fetched at the same time by two
 * sigets with the two-phase download ("two users behind one access point"). Compares the filesize policy
 * (threshold 100 KB for this setting) with round robin, the single-interface baselines, the earliest-arrival
 * policy and the MPTCP policy.
 */
public final class OffloadByFileSize implements Scenario {

    public static final String NAME = "offload";
    /**
     * The paper's threshold for this setting; the MPTCP variant gives MPTCP to the same objects that the filesize
     * policy sends to i2.
     */
    private static final String FILESIZE_THRESHOLD = "100k";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String title() {
        return "Scenario 2: offload by file size, both pages at once (Figure 6)";
    }

    @Override
    public String description() {
        return "paper-i1slow";
    }

    @Override
    public List<Variant> variants() {
        return List.of(Variant.only("i1"), Variant.only("i2"), Variant.roundRobin(), Variant.fileSize(FILESIZE_THRESHOLD),
                Variant.earliestArrival(), Variant.mptcp(FILESIZE_THRESHOLD));
    }

    @Override
    public List<Measurement> run(Trial trial) throws IOException, InterruptedException {
        List<ClientProcess> running = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        try {
            for (String page : CorpusGenerator.PAGE_NAMES) {
                running.add(trial.start(SigetCommand.page(trial.url(page + ".lab", page + "/index.html"),
                        Optional.empty(), true, timings(trial, page), trial.dir().resolve("downloads-" + page))));
            }
            for (ClientProcess siget : running) {
                statuses.add(siget.await(Trial.SIGET_TIMEOUT));
            }
        } finally {
            running.forEach(ClientProcess::close);
        }
        List<Measurement> measurements = new ArrayList<>();
        for (int i = 0; i < CorpusGenerator.PAGE_NAMES.size(); i++) {
            String page = CorpusGenerator.PAGE_NAMES.get(i);
            measurements.add(trial.measure(page, timings(trial, page), false, statuses.get(i)));
            FileTrees.remove(trial.dir().resolve("downloads-" + page));
        }
        return measurements;
    }

    private static Path timings(Trial trial, String page) {
        return trial.dir().resolve(page + ".csv");
    }
}
