package org.socketintents.siget.download;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The file a download writes while it runs: a hidden temporary file next to the final one, renamed to the final
 * name in one step once the object is complete. A failed or interrupted download never leaves a half-written
 * file under the final name; closing an uncommitted part file deletes it.
 */
final class PartFile implements Closeable {

    private final Path temporary;
    private final FileChannel channel;
    private boolean finished;

    private PartFile(Path temporary) throws IOException {
        this.temporary = temporary;
        this.channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
    }

    /**
     * @param directory where the temporary file goes: the final file's directory, so that the rename is atomic
     * @param name      the final file's name, for recognising the temporary one
     * @return an empty part file
     * @throws IOException if the directory cannot be created or written
     */
    static PartFile in(Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        return new PartFile(Files.createTempFile(directory, "." + name + ".", ".siget-part"));
    }

    /** @return how many bytes have been written */
    long size() throws IOException {
        return channel.size();
    }

    /** Appends bytes. */
    void append(byte[] bytes, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
        long position = channel.size();
        while (buffer.hasRemaining()) {
            position += channel.write(buffer, position);
        }
    }

    /** Drops everything written, for a server that sends the whole object again. */
    void clear() throws IOException {
        channel.truncate(0);
    }

    /** @return the temporary file, for reading what was written before committing */
    Path path() {
        return temporary;
    }

    /**
     * @param target an output path
     * @return whether the download may be renamed onto it: it does not exist yet, or is a regular file; a device,
     *         pipe or socket (such as {@code /dev/null}) must be written into instead, as wget does
     */
    static boolean isReplaceable(Path target) {
        return !Files.exists(target) || Files.isRegularFile(target);
    }

    /**
     * Makes the content durable and moves it to its final name, replacing any regular file there; a device or pipe
     * is written into.
     */
    void commitTo(Path target) throws IOException {
        if (!isReplaceable(target)) {
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.WRITE)) {
                commitTo(out);
            }
            return;
        }
        channel.force(true);
        channel.close();
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        finished = true;
    }

    /** Copies the content to a stream (standard output) and deletes the temporary file. */
    void commitTo(OutputStream out) throws IOException {
        Files.copy(temporary, out);
        out.flush();
        close();
    }

    @Override
    public void close() throws IOException {
        channel.close();
        if (!finished) {
            finished = true;
            Files.deleteIfExists(temporary);
        }
    }
}
