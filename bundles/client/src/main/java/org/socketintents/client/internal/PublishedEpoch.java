package org.socketintents.client.internal;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Supplier;

import org.socketintents.protocol.MamSocketPath;

/**
 * The decision epoch the MAM publishes beside its socket (docs/protocol.md, section 8.1), read through a shared
 * read-only mapping: a memory read per check, no system call. The file is mapped when a reply first carries an
 * epoch, and mapped again when a reply's epoch differs from the mapped value, which happens when the MAM moved to
 * another socket or its file was replaced. Thread-safe.
 */
final class PublishedEpoch {

    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final Supplier<Path> socketPath;
    private volatile MappedByteBuffer mapped;

    /** @param socketPath the MAM's socket, looked up again at each mapping */
    PublishedEpoch(Supplier<Path> socketPath) {
        this.socketPath = socketPath;
    }

    /** @return whether the MAM publishes {@code epoch} now */
    boolean is(long epoch) {
        MappedByteBuffer current = mapped;
        return current != null && (long) LONG.getVolatile(current, 0) == epoch;
    }

    /**
     * @param epoch the epoch a reply carried
     * @return whether the published epoch is that one, after mapping the file again if it was not; false when
     *         the file cannot be read (then nothing is reused)
     */
    boolean confirm(long epoch) {
        if (is(epoch)) {
            return true;
        }
        mapped = map(MamSocketPath.epochFile(socketPath.get()));
        return is(epoch);
    }

    private static MappedByteBuffer map(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return channel.size() < Long.BYTES ? null : channel.map(FileChannel.MapMode.READ_ONLY, 0, Long.BYTES);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
