package org.socketintents.siget.report;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A timings file, written as records arrive, each line flushed. A write that fails does not stop the
 * downloads: the first failure is kept and reported when the file is closed.
 */
public final class TimingsFile implements Timings, Closeable {

    private final Path path;
    private final TimingsFormat format;
    private final BufferedWriter writer;
    private IOException failure;

    private TimingsFile(Path path, TimingsFormat format, BufferedWriter writer) {
        this.path = path;
        this.format = format;
        this.writer = writer;
    }

    /**
     * @param path   the file, created or replaced
     * @param format the layout
     * @return the open file, its header written
     * @throws IOException if the file cannot be created
     */
    public static TimingsFile create(Path path, TimingsFormat format) throws IOException {
        BufferedWriter writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
        try {
            String header = format.header(TimingRecord.COLUMNS);
            if (header != null) {
                writer.write(header);
                writer.write('\n');
                writer.flush();
            }
        } catch (IOException e) {
            writer.close();
            throw e;
        }
        return new TimingsFile(path, format, writer);
    }

    @Override
    public synchronized void record(TimingRecord timing) {
        if (failure != null) {
            return;
        }
        try {
            writer.write(format.line(TimingRecord.COLUMNS, timing.values()));
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            failure = e;
        }
    }

    /** @throws IOException the first write that failed, or the close itself */
    @Override
    public synchronized void close() throws IOException {
        try {
            writer.close();
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        }
        if (failure != null) {
            throw new IOException("cannot write the timings file " + path + ": " + failure.getMessage(), failure);
        }
    }
}
