package org.socketintents.benchmarks.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.HdrHistogram.Histogram;

/**
 * Closed-loop load: each client thread has its own connection and sends its next request when the previous
 * reply has arrived. Threads connect and warm up first; the recorded part starts for all of them at once. The
 * first failure of any client stops the others and fails the run.
 */
final class LoadRun {

    /** Called once every client has warmed up, before the recorded part starts; may block. */
    @FunctionalInterface
    interface StartGate {
        void awaitStart() throws IOException;
    }

    private final RoundTripClient.Factory factory;
    private final Workload workload;
    private final CountDownLatch ready;
    private final CountDownLatch go = new CountDownLatch(1);
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final List<Client> clients = new ArrayList<>();
    /** Written before {@link #go} opens, read by the clients after it has. */
    private long startNanos;

    private LoadRun(RoundTripClient.Factory factory, int clients, Workload workload) {
        this.factory = factory;
        this.workload = workload;
        this.ready = new CountDownLatch(clients);
        for (int i = 0; i < clients; i++) {
            this.clients.add(new Client());
        }
    }

    static Measurement run(RoundTripClient.Factory factory, int clients, Workload workload) throws IOException {
        return run(factory, clients, workload, () -> { });
    }

    /** @throws IOException the first client's failure, if any client failed */
    static Measurement run(RoundTripClient.Factory factory, int clients, Workload workload, StartGate gate)
            throws IOException {
        return new LoadRun(factory, clients, workload).run(gate);
    }

    private Measurement run(StartGate gate) throws IOException {
        clients.forEach(client -> client.thread.start());
        try {
            ready.await();
            if (failure.get() == null) {
                gate.awaitStart();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, e);
        } catch (IOException | RuntimeException e) {
            failure.compareAndSet(null, e);
        } finally {
            startNanos = System.nanoTime();
            go.countDown();
        }
        long end = startNanos;
        long requests = 0;
        List<Histogram> histograms = new ArrayList<>();
        for (Client client : clients) {
            try {
                client.thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the clients", e);
            }
            histograms.add(client.latencies);
            requests += client.done;
            end = Math.max(end, client.endNanos);
        }
        Exception failed = failure.get();
        if (failed != null) {
            throw failed instanceof IOException ? (IOException) failed : new IOException(failed.toString(), failed);
        }
        return new Measurement(requests, end - startNanos, Statistics.merge(histograms));
    }

    /** One client thread; the coordinator reads its fields after joining it. */
    private final class Client {
        final Thread thread = new Thread(this::work, "load-client");
        final Histogram latencies = Statistics.newHistogram();
        long done;
        long endNanos;

        Client() {
            thread.setDaemon(true);
        }

        private void work() {
            boolean warmedUp = false;
            try (RoundTripClient client = factory.open()) {
                for (long i = 0; i < workload.warmupPerClient(); i++) {
                    client.roundTrip();
                }
                ready.countDown();
                warmedUp = true;
                go.await();
                if (failure.get() == null) {
                    measure(client);
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                failure.compareAndSet(null, e);
            } finally {
                if (!warmedUp) {
                    ready.countDown();
                }
            }
        }

        private void measure(RoundTripClient client) throws IOException {
            long now = System.nanoTime();
            while (workload.continues(done, now - startNanos) && failure.get() == null) {
                long before = System.nanoTime();
                client.roundTrip();
                now = System.nanoTime();
                latencies.recordValue(Math.max(1, now - before));
                done++;
            }
            endNanos = now;
        }
    }
}
