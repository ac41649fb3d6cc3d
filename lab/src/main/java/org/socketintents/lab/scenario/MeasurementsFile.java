package org.socketintents.lab.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** measurements.csv: one line per measurement, appended as they come so an interrupted run keeps its results. */
public final class MeasurementsFile {

    public static final String NAME = "measurements.csv";

    private MeasurementsFile() {
    }

    /** Thread-safe within the process: labs running side by side append to the same file. */
    public static synchronized void append(Path file, List<Measurement> measurements) throws IOException {
        if (!Files.exists(file)) {
            Files.writeString(file, Measurement.CSV_HEADER + "\n");
        }
        StringBuilder lines = new StringBuilder();
        measurements.forEach(m -> lines.append(m.csv()).append('\n'));
        Files.writeString(file, lines, StandardOpenOption.APPEND);
    }

    public static List<Measurement> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty() || !lines.get(0).equals(Measurement.CSV_HEADER)) {
            throw new IOException(file + " is not a measurements file (header " + Measurement.CSV_HEADER + ")");
        }
        try {
            return lines.stream().skip(1).filter(l -> !l.isBlank()).map(Measurement::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }
}
