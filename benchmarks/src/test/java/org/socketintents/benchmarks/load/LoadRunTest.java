package org.socketintents.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class LoadRunTest {

    @Test
    void everyClientWarmsUpThenRecordsItsShare() throws IOException {
        AtomicLong roundTrips = new AtomicLong();
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        RoundTripClient.Factory factory = () -> {
            opened.incrementAndGet();
            return new RoundTripClient() {
                @Override
                public void roundTrip() {
                    roundTrips.incrementAndGet();
                }

                @Override
                public void close() {
                    closed.incrementAndGet();
                }
            };
        };

        Measurement m = LoadRun.run(factory, 3, Workload.counted(10, 100));

        assertEquals(300, m.requests());
        assertEquals(300, m.latencies().getTotalCount());
        assertEquals(330, roundTrips.get());
        assertEquals(3, opened.get());
        assertEquals(3, closed.get());
        assertTrue(m.elapsedNanos() >= 0);
    }

    @Test
    void aFailingClientFailsTheRun() {
        AtomicInteger calls = new AtomicInteger();
        RoundTripClient.Factory factory = () -> new RoundTripClient() {
            @Override
            public void roundTrip() throws IOException {
                if (calls.incrementAndGet() == 50) {
                    throw new IOException("the MAM went away");
                }
            }

            @Override
            public void close() {
            }
        };

        IOException failure = assertThrows(IOException.class,
                () -> LoadRun.run(factory, 2, Workload.counted(0, 1_000)));
        assertEquals("the MAM went away", failure.getMessage());
    }

    @Test
    void aClientThatCannotConnectFailsTheRunBeforeItStarts() {
        IOException failure = assertThrows(IOException.class, () -> LoadRun.run(() -> {
            throw new IOException("no MAM");
        }, 4, Workload.counted(0, 10), () -> {
            throw new AssertionError("the run must not start");
        }));
        assertEquals("no MAM", failure.getMessage());
    }

    @Test
    void concurrentPartsAddUpTheirRequestsOverTheLongestElapsedTime() {
        Measurement a = new Measurement(100, 1_000_000_000L, Statistics.newHistogram());
        Measurement b = new Measurement(300, 2_000_000_000L, Statistics.newHistogram());
        a.latencies().recordValue(1_000);
        b.latencies().recordValue(2_000);

        Measurement both = Measurement.concurrent(java.util.List.of(a, b));

        assertEquals(400, both.requests());
        assertEquals(2_000_000_000L, both.elapsedNanos());
        assertEquals(200.0, both.throughput());
        assertEquals(2, both.latencies().getTotalCount());
    }
}
