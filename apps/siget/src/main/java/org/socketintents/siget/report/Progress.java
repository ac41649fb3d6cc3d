package org.socketintents.siget.report;

/** Learns how a run's downloads advance. Implementations are thread-safe. */
public interface Progress {

    /** Progress that is not shown. */
    Progress NONE = new Progress() {
        @Override
        public void expect(long bytes) {
        }

        @Override
        public void received(long bytes) {
        }

        @Override
        public void objectDone() {
        }

        @Override
        public void close() {
        }
    };

    /** @param bytes how many more bytes a response announced */
    void expect(long bytes);

    /** @param bytes how many bytes just arrived */
    void received(long bytes);

    /** One more object is complete (or failed). */
    void objectDone();

    /** The run is over. */
    void close();
}
