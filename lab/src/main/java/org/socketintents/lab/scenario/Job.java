package org.socketintents.lab.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * A share of a run that one lab does on its own: a range of repetitions of one variant of one scenario, with the
 * variant's MAM started once for it.
 */
public record Job(Scenario scenario, Variant variant, int firstRepetition, int lastRepetition) {

    public Job {
        if (firstRepetition < 1 || lastRepetition < firstRepetition) {
            throw new IllegalArgumentException("repetitions " + firstRepetition + ".." + lastRepetition);
        }
    }

    /**
     * The jobs of a run over {@code labs} labs: each variant's repetitions cut into at most {@code labs} ranges of
     * nearly equal length, in the order of the scenarios and their variants. The labs take them first come, first
     * served, so the run ends with the short ranges of the last scenario (the offload scenario's repetitions are the
     * shortest), which keeps the labs' finishing times close.
     */
    public static List<Job> plan(List<Scenario> scenarios, RunProfile profile, int labs) {
        if (labs < 1) {
            throw new IllegalArgumentException("at least one lab: " + labs);
        }
        List<Job> jobs = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            int reps = profile.repetitions(scenario);
            int parts = Math.min(labs, reps);
            for (Variant variant : scenario.variants()) {
                int first = 1;
                for (int part = 0; part < parts; part++) {
                    int length = reps / parts + (part < reps % parts ? 1 : 0);
                    jobs.add(new Job(scenario, variant, first, first + length - 1));
                    first += length;
                }
            }
        }
        return jobs;
    }

    public int repetitions() {
        return lastRepetition - firstRepetition + 1;
    }

    @Override
    public String toString() {
        return scenario.name() + "/" + variant.label() + " #" + firstRepetition
                + (lastRepetition > firstRepetition ? "-" + lastRepetition : "");
    }
}
