package org.socketintents.mam.internal;

import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Optional;
import java.util.Set;

import org.newsclub.net.unix.AFUNIXServerSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketAddress;

/**
 * The MAM's listening Unix socket, created with the configured permissions atomically: the socket is bound in a
 * private directory next to its path ({@code .<name>.private}, mode 0700, so nobody else can reach it there),
 * given its mode, then hard-linked to its path, so no client ever sees it with the process's default permissions.
 * A leftover socket file of a dead MAM is replaced; a live MAM's is not.
 *
 * <p>The socket is junixsocket's where its native library works, because only junixsocket can attach descriptors
 * (SCM_RIGHTS) to what the MAM sends; elsewhere it is the JDK's, and delegated connects are unavailable. The
 * private name stays while the MAM listens because junixsocket stops accepting once the file it bound is gone.
 *
 * @param path    where clients connect
 * @param channel the listening channel
 */
record SocketFile(Path path, ServerSocketChannel channel) {

    /**
     * Who may open the socket file.
     *
     * @param mode  its permissions
     * @param owner its owner, empty to leave the MAM's user
     * @param group its group, empty to leave the MAM's group
     */
    record Access(Set<PosixFilePermission> mode, Optional<UserPrincipal> owner, Optional<GroupPrincipal> group) {

        static Access of(MamSettings settings) {
            return new Access(settings.socketMode(), settings.socketOwner(), settings.socketGroup());
        }

        /** Owner and group first, so the mode never opens the file to the wrong ones. */
        void applyTo(Path file) throws IOException {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (owner.isPresent()) {
                view.setOwner(owner.get());
            }
            if (group.isPresent()) {
                view.setGroup(group.get());
            }
            view.setPermissions(mode);
        }
    }

    private static final int BACKLOG = 512;
    /** sun_path holds 108 bytes on Linux, the terminating zero included. */
    static final int MAX_PATH_BYTES = 107;
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

    /**
     * @param mode octal permissions such as {@code 0660}
     * @return the permission set
     * @throws IllegalArgumentException if the mode is not three or four octal digits
     */
    static Set<PosixFilePermission> parseMode(String mode) {
        String digits = mode.trim();
        if (!digits.matches("0?[0-7]{3}")) {
            throw new IllegalArgumentException("socket.mode must be octal like 0660, not '" + mode + "'");
        }
        int bits = Integer.parseInt(digits, 8);
        StringBuilder rwx = new StringBuilder(9);
        String letters = "rwxrwxrwx";
        for (int i = 0; i < 9; i++) {
            rwx.append((bits & (1 << (8 - i))) != 0 ? letters.charAt(i) : '-');
        }
        return PosixFilePermissions.fromString(rwx.toString());
    }

    /**
     * @param path where the socket should be
     * @param access its permissions, owner and group
     * @return a bound, listening socket at {@code path}
     * @throws IOException if another MAM listens there, or the socket cannot be created
     */
    static SocketFile bind(Path path, Access access) throws IOException {
        return bind(path, access, UnixSockets.available());
    }

    /** As {@link #bind(Path, Access)}, with the given implementation of Unix sockets. */
    static SocketFile bind(Path path, Access access, UnixSockets sockets) throws IOException {
        checkLength(path);
        createDirectoryOf(path);
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            if (isServed(path)) {
                throw new IOException("another MAM is already listening on " + path);
            }
            Files.delete(path);
        }
        Path bound = privateName(path);
        Files.createDirectories(bound.getParent(), PosixFilePermissions.asFileAttribute(PRIVATE));
        Files.setPosixFilePermissions(bound.getParent(), PRIVATE);
        Files.deleteIfExists(bound);
        ServerSocketChannel channel = sockets.openServer();
        try {
            bind(channel, bound);
            access.applyTo(bound);
            Files.createLink(path, bound);
            return new SocketFile(path, channel);
        } catch (FileAlreadyExistsException e) {
            IOException taken = new IOException("another MAM is already listening on " + path, e);
            cleanUpAfter(taken, channel, path);
            throw taken;
        } catch (IOException | RuntimeException e) {
            cleanUpAfter(e, channel, path);
            throw e;
        }
    }

    /**
     * The kernel takes at most {@value #MAX_PATH_BYTES} bytes of a Unix socket's path; the MAM binds under the
     * longer private name, so that is the one to check, before anything is created.
     */
    private static void checkLength(Path path) throws IOException {
        Path bound = privateName(path.toAbsolutePath());
        int bytes = bound.toString().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PATH_BYTES) {
            throw new IOException("socket path " + path + " is too long: the MAM binds it as " + bound + ", "
                    + bytes + " bytes, and a Unix socket's path may have at most " + MAX_PATH_BYTES
                    + "; choose a path at least " + (bytes - MAX_PATH_BYTES) + " bytes shorter");
        }
    }

    /** Undoes a failed bind without letting a failure of the cleaning hide the failure that caused it. */
    private static void cleanUpAfter(Exception failure, ServerSocketChannel channel, Path path) {
        try {
            channel.close();
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
        try {
            removePrivateName(path);
        } catch (IOException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Creates the directory a file of the MAM goes in, open for clients to look up names in it. */
    static void createDirectoryOf(Path file) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
    }

    /** Closes the socket and removes its files. */
    void close() throws IOException {
        try {
            channel.close();
        } finally {
            Files.deleteIfExists(path);
            removePrivateName(path);
        }
    }

    /** junixsocket would delete the file it bound when the socket closes; the MAM removes its files itself. */
    private static void bind(ServerSocketChannel channel, Path bound) throws IOException {
        if (channel instanceof AFUNIXServerSocketChannel) {
            ((AFUNIXServerSocketChannel) channel).setDeleteOnClose(false);
            channel.bind(AFUNIXSocketAddress.of(bound), BACKLOG);
        } else {
            channel.bind(UnixDomainSocketAddress.of(bound), BACKLOG);
        }
    }

    private static Path privateName(Path path) {
        return path.resolveSibling("." + path.getFileName() + ".private").resolve(path.getFileName());
    }

    private static void removePrivateName(Path path) throws IOException {
        Path bound = privateName(path);
        Files.deleteIfExists(bound);
        Files.deleteIfExists(bound.getParent());
    }

    private static boolean isServed(Path path) throws IOException {
        try (SocketChannel probe = SocketChannel.open(UnixDomainSocketAddress.of(path))) {
            return true;
        } catch (AccessDeniedException e) {
            throw new IOException("cannot check the existing socket " + path + ": " + e.getMessage(), e);
        } catch (IOException e) {
            return false;
        }
    }
}
