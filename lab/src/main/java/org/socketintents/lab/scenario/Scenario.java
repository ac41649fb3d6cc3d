package org.socketintents.lab.scenario;

import java.io.IOException;
import java.util.List;

/** One experiment of the paper's section 4: a lab description, the variants compared, what one trial does. */
public interface Scenario {

    /** Short name for the command line and file names, e.g. "bulk-vs-query". */
    String name();

    /** What it reproduces, e.g. "Scenario 1: bulk transfer vs. query (Figure 5)". */
    String title();

    /** The shipped lab description it runs on. */
    String description();

    List<Variant> variants();

    /** One repetition of one variant; the MAM with the variant's policy is running. */
    List<Measurement> run(Trial trial) throws IOException, InterruptedException;
}
