package org.socketintents.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class ResultLineTest {

    @Test
    void aClientProcessResultSurvivesTheLine() {
        Histogram latencies = Statistics.newHistogram();
        for (long v = 1_000; v <= 1_000_000; v += 1_000) {
            latencies.recordValue(v);
        }

        DecisionTally sent = new DecisionTally();
        sent.add(3, 1);
        DecisionTally received = new DecisionTally();

        Measurement parsed = ResultLine.parse(ResultLine.format(new Measurement(1000, 2_000_000_000L, latencies), sent),
                received);

        assertEquals(1000, parsed.requests());
        assertEquals(2_000_000_000L, parsed.elapsedNanos());
        assertEquals(latencies, parsed.latencies());
        assertEquals(500.0, parsed.throughput());
        assertEquals(3, received.fallbacks());
        assertEquals(1, received.reopened());
    }

    @Test
    void otherLinesAreRefused() {
        DecisionTally tally = new DecisionTally();
        assertThrows(IllegalArgumentException.class, () -> ResultLine.parse("READY", tally));
        assertThrows(IllegalArgumentException.class, () -> ResultLine.parse("RESULT 1 x 0 0 AAAA", tally));
        assertThrows(IllegalArgumentException.class, () -> ResultLine.parse("RESULT 1 2 0 0 bm90IGEgaGlzdG9ncmFt",
                tally));
    }
}
