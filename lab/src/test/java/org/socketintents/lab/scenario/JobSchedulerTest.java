package org.socketintents.lab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobSchedulerTest {

    /** A slot that records its jobs and whether it was closed (as a lab would be torn down). */
    private static final class FakeLab implements AutoCloseable {
        final String name;
        final List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        volatile int closed;

        FakeLab(String name) {
            this.name = name;
        }

        @Override
        public void close() {
            closed++;
        }
    }

    private static List<FakeLab> labs(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(k -> new FakeLab("lab-" + k)).toList();
    }

    @Test
    void everyJobRunsOnceAndTheLabsRunSideBySide() throws Exception {
        List<FakeLab> labs = labs(3);
        List<Integer> jobs = IntStream.range(0, 12).boxed().toList();
        // The first job of each lab waits for the other two: the run only gets past it with all three at once.
        CyclicBarrier allThree = new CyclicBarrier(3);
        Set<String> started = ConcurrentHashMap.newKeySet();

        JobScheduler.run(jobs, labs, (lab, job) -> {
            if (started.add(lab.name)) {
                allThree.await();
            }
            lab.ran.add(job);
        });

        List<Integer> all = labs.stream().flatMap(l -> l.ran.stream()).sorted().toList();
        assertEquals(jobs, all);
        labs.forEach(l -> assertTrue(!l.ran.isEmpty(), l.name + " ran no job"));
        labs.forEach(l -> assertEquals(1, l.closed, l.name + " closed once"));
    }

    @Test
    void aFailureStopsTheOtherLabsRunsNoFurtherJobAndClosesEveryLab() {
        List<FakeLab> labs = labs(2);
        IOException broken = new IOException("lab 1 broke");
        CountDownLatch secondBusy = new CountDownLatch(1);
        List<Integer> interrupted = Collections.synchronizedList(new ArrayList<>());

        IOException thrown = assertThrows(IOException.class, () -> JobScheduler.run(List.of(1, 2, 3, 4, 5), labs,
                (lab, job) -> {
                    lab.ran.add(job);
                    if (job == 1) {
                        secondBusy.await();
                        throw broken;
                    }
                    secondBusy.countDown();
                    try {
                        new CountDownLatch(1).await();
                    } catch (InterruptedException e) {
                        interrupted.add(job);
                        throw e;
                    }
                }));

        assertSame(broken, thrown);
        assertEquals(List.of(2), interrupted);
        assertEquals(List.of(1, 2), labs.stream().flatMap(l -> l.ran.stream()).sorted().toList());
        labs.forEach(l -> assertEquals(1, l.closed, l.name + " closed once"));
    }

    @Test
    void aLabThatCannotBeClosedFailsTheRun() {
        AutoCloseable stuck = () -> {
            throw new IOException("namespace busy");
        };

        IOException thrown = assertThrows(IOException.class,
                () -> JobScheduler.run(List.of(1), List.of(stuck), (lab, job) -> { }));

        assertEquals("namespace busy", thrown.getMessage());
    }

    @Test
    void planCutsEachVariantsRepetitionsIntoNearlyEqualRangesOnePerLab() {
        RunProfile profile = RunProfile.SMOKE.withRepetitions(List.of(new BulkVersusQuery()), 10);

        List<Job> jobs = Job.plan(List.of(new BulkVersusQuery()), profile, 4);

        List<Job> category = jobs.stream().filter(j -> j.variant().label().equals("category")).toList();
        assertEquals(List.of("1-3", "4-6", "7-8", "9-10"),
                category.stream().map(j -> j.firstRepetition() + "-" + j.lastRepetition()).toList());
        assertEquals(new BulkVersusQuery().variants().size() * 4, jobs.size());
        assertEquals(10 * new BulkVersusQuery().variants().size(), jobs.stream().mapToInt(Job::repetitions).sum());
    }

    @Test
    void planNeverCutsFinerThanOneRepetition() {
        List<Job> jobs = Job.plan(List.of(new FileSizeSweep()), RunProfile.SMOKE, 8);

        assertEquals(new FileSizeSweep().variants().size(), jobs.size());
        jobs.forEach(j -> assertEquals(1, j.repetitions()));
        assertThrows(IllegalArgumentException.class, () -> Job.plan(List.of(new FileSizeSweep()), RunProfile.SMOKE,
                0));
    }

    @Test
    void rowsAppendedFromManyThreadsAtOnceAreAllIntact(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(MeasurementsFile.NAME);
        int threads = 8;
        int rowsEach = 200;
        CyclicBarrier together = new CyclicBarrier(threads);
        List<Thread> writers = new ArrayList<>();
        List<Throwable> errors = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < threads; t++) {
            String variant = "v" + t;
            writers.add(new Thread(() -> {
                try {
                    together.await();
                    for (int rep = 1; rep <= rowsEach; rep++) {
                        MeasurementsFile.append(file, List.of(
                                new Measurement("offload", variant, "news", 2_800_000, rep, 5000 + rep, "i1=45", 0),
                                new Measurement("offload", variant, "photo", 2_890_000, rep, 3000 + rep, "i2=11", 0)));
                    }
                } catch (Exception e) {
                    errors.add(e);
                }
            }));
        }
        writers.forEach(Thread::start);
        for (Thread writer : writers) {
            writer.join();
        }

        assertEquals(List.of(), errors);
        List<Measurement> read = MeasurementsFile.read(file);
        assertEquals(threads * rowsEach * 2, read.size());
        for (int t = 0; t < threads; t++) {
            String variant = "v" + t;
            List<Measurement> own = read.stream().filter(m -> m.variant().equals(variant)).toList();
            assertEquals(IntStream.rangeClosed(1, rowsEach).boxed().toList(), own.stream()
                    .filter(m -> m.subject().equals("news")).map(Measurement::repetition).toList());
            assertTrue(own.stream().allMatch(m -> m.millis() == (m.subject().equals("news") ? 5000 : 3000)
                    + m.repetition()));
        }
        assertEquals(1, read.stream().map(m -> m.scenario()).collect(Collectors.toSet()).size());
    }
}
