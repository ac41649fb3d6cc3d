package org.socketintents.lab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.socketintents.lab.report.Report;
import org.socketintents.lab.scenario.Measurement;
import org.socketintents.lab.scenario.MeasurementsFile;

/** "lab report DIR": the figures and report.md again from a results directory's measurements.csv. */
final class ReportCommand implements Command {

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String usage() {
        return "report DIR   figures (PNG, SVG) and report.md from DIR/measurements.csv";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Options options = Options.parse(args, Set.of(), Set.of()).atMostPositionals(1);
        String dir = options.positional(0, null);
        if (dir == null) {
            throw new UsageException("report needs the results directory");
        }
        Path results = Path.of(dir);
        List<Measurement> measurements = MeasurementsFile.read(results.resolve(MeasurementsFile.NAME));
        Path report = new Report(measurements, "Regenerated from " + MeasurementsFile.NAME + ".").write(results);
        System.out.println("report: " + report);
        return 0;
    }
}
