package org.socketintents.policy.earliestarrival.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.socketintents.api.stats.EffectiveFigures;
import org.socketintents.api.stats.Figure;

class PathEstimateTest {

    private static final Figure NONE = Figure.unavailable();

    private static EffectiveFigures i2(Figure rate, Figure active) {
        return new EffectiveFigures("i2", Figure.configured(70), Figure.configured(12_000_000), NONE, rate, NONE,
                active);
    }

    private static Figure measured(double value) {
        return Figure.measured(value, 100, 10_000);
    }

    @Test
    void anIdleOrUnmeasuredLinkIsAllFree() {
        assertEquals(Optional.of(new PathEstimate(0.070, 1_500_000)), PathEstimate.of(i2(NONE, NONE)));
        assertEquals(Optional.of(new PathEstimate(0.070, 1_500_000)),
                PathEstimate.of(i2(measured(0), measured(0))));
    }

    @Test
    void aBulkTransferFillingTheLinkLeavesAFairShare() {
        // max(1.5 MB/s - 1.5 MB/s, 1.5 MB/s / 2)
        assertEquals(750_000, PathEstimate.of(i2(measured(12_000_000), measured(1))).orElseThrow()
                .freeBytesPerSecond());
    }

    @Test
    void aConnectionUsingLessThanItsShareLeavesTheRest() {
        // a 3 Mbit/s stream: max(1.5 MB/s - 375 kB/s, 1.5 MB/s / 2)
        assertEquals(1_125_000, PathEstimate.of(i2(measured(3_000_000), measured(1))).orElseThrow()
                .freeBytesPerSecond());
    }

    @Test
    void withoutRttOrBandwidthThereIsNoEstimate() {
        assertEquals(Optional.empty(), PathEstimate.of(new EffectiveFigures("i3", NONE, Figure.configured(1e6),
                NONE, NONE, NONE, NONE)));
        assertEquals(Optional.empty(), PathEstimate.of(new EffectiveFigures("i3", Figure.configured(10),
                Figure.configured(0), NONE, NONE, NONE, NONE)));
    }
}
