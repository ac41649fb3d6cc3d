package org.socketintents.siget.report;

/** Where timing records go. Implementations are thread-safe. */
@FunctionalInterface
public interface Timings {

    /** Records that go nowhere, when no timings file was asked for. */
    Timings NONE = timing -> { };

    /** @param timing one exchange's record */
    void record(TimingRecord timing);
}
