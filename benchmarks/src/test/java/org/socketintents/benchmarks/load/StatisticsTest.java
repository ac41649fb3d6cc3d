package org.socketintents.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class StatisticsTest {

    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertEquals(3.0, Statistics.median(5, 1, 3));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(2.5, Statistics.median(4, 1, 3, 2));
    }

    @Test
    void medianOfNothingIsRefused() {
        assertThrows(IllegalArgumentException.class, Statistics::median);
    }

    @Test
    void mergedHistogramsHoldEveryValueSoPercentilesSpanAllParts() {
        Histogram fast = Statistics.newHistogram();
        Histogram slow = Statistics.newHistogram();
        for (int i = 0; i < 990; i++) {
            fast.recordValue(10_000);
        }
        for (int i = 0; i < 10; i++) {
            slow.recordValue(5_000_000);
        }

        Histogram merged = Statistics.merge(List.of(fast, slow));

        assertEquals(1000, merged.getTotalCount());
        assertEquals(10_000, merged.getValueAtPercentile(50), 10);
        assertEquals(5_000_000, merged.getValueAtPercentile(99.9), 5_000);
        assertEquals(5_000_000, merged.getMaxValue(), 5_000);
    }

    @Test
    void summaryIsInMicroseconds() {
        Histogram nanos = Statistics.newHistogram();
        nanos.recordValue(20_000);
        nanos.recordValue(40_000);

        LatencySummary summary = LatencySummary.of(nanos);

        assertEquals(2, summary.count());
        assertEquals(20.0, summary.p50Us(), 0.05);
        assertEquals(40.0, summary.maxUs(), 0.05);
        assertEquals(30.0, summary.meanUs(), 0.05);
    }

    @Test
    void summaryOfRepeatedRunsTakesEachFiguresMedianAndTheTotalCount() {
        LatencySummary median = LatencySummary.median(List.of(
                new LatencySummary(10, 20, 100, 300, 900, 25),
                new LatencySummary(10, 30, 90, 200, 5000, 35),
                new LatencySummary(10, 25, 120, 250, 1000, 30)));

        assertEquals(new LatencySummary(30, 25, 100, 250, 1000, 30), median);
    }
}
