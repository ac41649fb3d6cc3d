package org.socketintents.siget.download;

import java.nio.file.Path;
import java.util.Optional;

/** Where one downloaded object is saved: a file, or standard output. */
public final class Output {

    /** Standard output. */
    static final Output STDOUT = new Output(null);

    private final Path file;

    private Output(Path file) {
        this.file = file;
    }

    /** @param file the file to save to */
    static Output file(Path file) {
        return new Output(file.normalize());
    }

    /** @return the file; empty for standard output */
    Optional<Path> path() {
        return Optional.ofNullable(file);
    }

    @Override
    public String toString() {
        return file == null ? "standard output" : "'" + file + "'";
    }
}
