package org.socketintents.lab.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class QuantitiesTest {

    @Test
    void ratesAreDecimalLikeTc() {
        assertEquals(768_000, Rate.parse("768kbit").bitsPerSecond());
        assertEquals(12_000_000, Rate.parse("12Mbit/s").bitsPerSecond());
        assertEquals(1_500_000, Rate.parse("1.5mbit").bitsPerSecond());
        assertEquals("768000bit", Rate.parse("768kbit").tc());
        assertEquals("6 Mbit/s", Rate.parse("6Mbit").toString());
        assertThrows(IllegalArgumentException.class, () -> Rate.parse("6MB"));
    }

    @Test
    void durationsTakeMicrosecondsToSeconds() {
        assertEquals(Duration.ofMillis(5), Durations.parse("5ms"));
        assertEquals(Duration.ofNanos(250_000), Durations.parse("250us"));
        assertEquals(Duration.ofMillis(1_500), Durations.parse("1.5s"));
        assertEquals("0.25 ms", Durations.millis(Duration.ofNanos(250_000)));
        assertThrows(IllegalArgumentException.class, () -> Durations.parse("5"));
    }

    @Test
    void byteCountsKnowDecimalAndBinaryUnits() {
        assertEquals(64_000, ByteCount.parse("64kB"));
        assertEquals(65_536, ByteCount.parse("64KiB"));
        assertEquals(48L << 20, ByteCount.parse("48MiB"));
        assertEquals(48_000_000, ByteCount.parse("48MB"));
        assertThrows(IllegalArgumentException.class, () -> ByteCount.parse("48 megs"));
    }

    @Test
    void drainTimeQueueIsRateTimesTime() {
        QueueLimit queue = QueueLimit.parse("100ms");

        assertEquals(150_000, queue.bytes(Rate.parse("12Mbit")));
        assertEquals(75_000, queue.bytes(Rate.parse("6Mbit")));
    }
}
