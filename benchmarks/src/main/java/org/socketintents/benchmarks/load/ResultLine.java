package org.socketintents.benchmarks.load;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;

import org.HdrHistogram.Histogram;

/** How a client process hands its measurement to the load tool: one line of text on its standard output. */
final class ResultLine {

    static final String READY = "READY";
    static final String GO = "GO";
    private static final String RESULT = "RESULT";

    private ResultLine() {
    }

    static String format(Measurement measurement, DecisionTally tally) {
        Histogram latencies = measurement.latencies();
        ByteBuffer buffer = ByteBuffer.allocate(latencies.getNeededByteBufferCapacity());
        int length = latencies.encodeIntoCompressedByteBuffer(buffer);
        byte[] bytes = new byte[length];
        buffer.flip().get(bytes);
        return RESULT + ' ' + measurement.requests() + ' ' + measurement.elapsedNanos() + ' ' + tally.fallbacks()
                + ' ' + tally.reopened() + ' ' + Base64.getEncoder().encodeToString(bytes);
    }

    /**
     * @param tally receives the process's fallbacks and reopened connections
     * @throws IllegalArgumentException if the line is not a result
     */
    static Measurement parse(String line, DecisionTally tally) {
        String[] parts = line.split(" ");
        if (parts.length != 6 || !parts[0].equals(RESULT)) {
            throw new IllegalArgumentException("not a result line: " + line);
        }
        try {
            Histogram latencies = Histogram.decodeFromCompressedByteBuffer(
                    ByteBuffer.wrap(Base64.getDecoder().decode(parts[5])), Statistics.HIGHEST_NANOS);
            Measurement measurement = new Measurement(Long.parseLong(parts[1]), Long.parseLong(parts[2]), latencies);
            tally.add(Long.parseLong(parts[3]), Long.parseLong(parts[4]));
            return measurement;
        } catch (DataFormatException | RuntimeException e) {
            throw new IllegalArgumentException("malformed result line: " + e.getMessage(), e);
        }
    }
}
