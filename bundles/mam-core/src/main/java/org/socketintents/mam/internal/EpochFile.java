package org.socketintents.mam.internal;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

/**
 * The file beside the socket where the MAM publishes its decision epoch: eight bytes, big-endian, which clients
 * map and read before reusing a decision (docs/protocol.md, section 8.1). The value is stored with one aligned
 * volatile write into the shared mapping, so a reader sees the old value or the new one.
 *
 * <p>The file is written in place, never replaced, so that clients which mapped it from an earlier MAM see the
 * next MAM's epoch too. Anything at its path that the MAM did not make (a link, a file of another user, one with
 * other names) is removed first: the MAM may run as root in a directory others can write.
 */
final class EpochFile implements AutoCloseable {

    static final int BYTES = Long.BYTES;
    private static final VarHandle LONG = MethodHandles.byteBufferViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final Path path;
    private final FileChannel channel;
    private final MappedByteBuffer mapped;

    private EpochFile(Path path, FileChannel channel, MappedByteBuffer mapped) {
        this.path = path;
        this.channel = channel;
        this.mapped = mapped;
    }

    /**
     * @param path   where to publish
     * @param access the socket's access: the file gets its owner and group, and read permission for whoever may
     *               use the socket; only the owner may write
     * @return the published file
     * @throws IOException if the file cannot be made or mapped
     */
    static EpochFile open(Path path, SocketFile.Access access) throws IOException {
        SocketFile.createDirectoryOf(path);
        removeForeign(path, access);
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
        try {
            new SocketFile.Access(readOnly(access.mode()), access.owner(), access.group()).applyTo(path);
            if (channel.size() < BYTES) {
                channel.write(ByteBuffer.allocate(BYTES), 0);
            }
            return new EpochFile(path, channel, channel.map(FileChannel.MapMode.READ_WRITE, 0, BYTES));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    Path path() {
        return path;
    }

    void write(long epoch) {
        LONG.setVolatile(mapped, 0, epoch);
    }

    /** Closes the file and leaves it in place, with its last value, for clients that still map it. */
    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static void removeForeign(Path path, SocketFile.Access access) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        PosixFileAttributes attributes = Files.readAttributes(path, PosixFileAttributes.class,
                LinkOption.NOFOLLOW_LINKS);
        int links = (Integer) Files.getAttribute(path, "unix:nlink", LinkOption.NOFOLLOW_LINKS);
        int uid = (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
        boolean ours = attributes.isRegularFile() && links == 1 && (uid == processUid()
                || access.owner().filter(attributes.owner()::equals).isPresent());
        if (!ours) {
            Files.delete(path);
        }
    }

    /** The owner of /proc/self is the process's effective user. */
    private static int processUid() throws IOException {
        return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
    }

    /** Read where the socket may be written: a client needs only to read the epoch. */
    private static Set<PosixFilePermission> readOnly(Set<PosixFilePermission> socketMode) {
        Set<PosixFilePermission> mode = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        if (socketMode.contains(PosixFilePermission.GROUP_WRITE)) {
            mode.add(PosixFilePermission.GROUP_READ);
        }
        if (socketMode.contains(PosixFilePermission.OTHERS_WRITE)) {
            mode.add(PosixFilePermission.OTHERS_READ);
        }
        return mode;
    }
}
