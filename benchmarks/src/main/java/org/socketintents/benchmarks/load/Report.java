package org.socketintents.benchmarks.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.socketintents.protocol.DecisionReply;

/** Everything one run of the load tool measured, in the order it was measured. */
final class Report {

    private final Machine machine;
    private final Instant started = Instant.now();
    private final String mode;
    private final List<Row> rows = new ArrayList<>();
    private final Map<String, List<Double>> startupMillis = new LinkedHashMap<>();
    private final Map<String, Long> idleRssKb = new LinkedHashMap<>();
    private final Map<String, Long> loadRssKb = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private String sampleDecision = "";
    private int requestFrameBytes;
    private int replyFrameBytes;

    /** @param mode what kind of run: full, smoke, or attached to a running MAM */
    Report(Machine machine, String mode) {
        this.machine = machine;
        this.mode = mode;
    }

    Machine machine() {
        return machine;
    }

    Instant started() {
        return started;
    }

    String mode() {
        return mode;
    }

    void add(Row row) {
        rows.add(row);
    }

    List<Row> rows() {
        return List.copyOf(rows);
    }

    /** @return the first row of that kind, heap and client count */
    Optional<Row> row(Kind kind, String heap, int clients) {
        return rows.stream().filter(r -> r.kind() == kind && r.heap().equals(heap) && r.clients() == clients)
                .findFirst();
    }

    /** @return the floor the row is compared with, if it was measured */
    Optional<Row> floorOf(Row row) {
        Kind floor = row.kind().floor();
        if (floor == null) {
            return Optional.empty();
        }
        return rows.stream().filter(r -> r.kind() == floor && r.sameLoad(row)
                && (floor != Kind.PLAIN_CONNECT || r.heap().equals(row.heap()))).findFirst();
    }

    /**
     * @return how the row compares with its floor: the ratio of the medians for one-at-a-time rows, the ratio of
     *         the throughputs for rows of concurrent clients
     */
    Optional<Double> floorRatio(Row row) {
        return floorOf(row).map(floor -> row.kind().comparesThroughput()
                ? row.throughput() / floor.throughput()
                : row.latency().p50Us() / floor.latency().p50Us());
    }

    void addStartup(Heap heap, Duration sinceLaunch) {
        startupMillis.computeIfAbsent(heap.label(), h -> new ArrayList<>()).add(sinceLaunch.toNanos() / 1e6);
    }

    /** @return per heap setting, the start-up times of every launch in milliseconds */
    Map<String, List<Double>> startupMillis() {
        return Map.copyOf(startupMillis);
    }

    void idleRss(String heap, long kb) {
        idleRssKb.put(heap, kb);
    }

    void loadRss(String heap, long kb) {
        loadRssKb.put(heap, kb);
    }

    Map<String, Long> idleRssKb() {
        return Map.copyOf(idleRssKb);
    }

    Map<String, Long> loadRssKb() {
        return Map.copyOf(loadRssKb);
    }

    /** @return the heap settings in the order they were measured */
    List<String> heaps() {
        List<String> heaps = new ArrayList<>(idleRssKb.keySet());
        startupMillis.keySet().stream().filter(h -> !heaps.contains(h)).forEach(heaps::add);
        return heaps;
    }

    void note(String note) {
        notes.add(note);
    }

    List<String> notes() {
        return List.copyOf(notes);
    }

    /** Records what the MAM answers to the benchmark's request, and the frame sizes on the wire. */
    void sample(DecisionReply reply, int requestBytes, int replyBytes) {
        sampleDecision = reply.policy() + " (" + reply.outcome() + "): " + reply.decision();
        requestFrameBytes = requestBytes;
        replyFrameBytes = replyBytes;
    }

    String sampleDecision() {
        return sampleDecision;
    }

    int requestFrameBytes() {
        return requestFrameBytes;
    }

    int replyFrameBytes() {
        return replyFrameBytes;
    }
}
