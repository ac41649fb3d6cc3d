package org.socketintents.mam.internal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Creates the MAM's listening Unix socket with the configured permissions, atomically: the socket is bound
 * under a temporary name, given its mode, then renamed into place, so no client ever sees it with the
 * process's default permissions. A leftover socket file of a dead MAM is replaced; a live MAM's is not.
 */
final class SocketFile {

    private SocketFile() {
    }

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
     * @param mode its permissions
     * @return a bound, listening server channel at {@code path}
     * @throws IOException if another MAM listens there, or the socket cannot be created
     */
    static ServerSocketChannel bind(Path path, Set<PosixFilePermission> mode) throws IOException {
        Path directory = path.toAbsolutePath().getParent();
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        }
        if (Files.exists(path)) {
            if (isServed(path)) {
                throw new IOException("another MAM is already listening on " + path);
            }
            Files.delete(path);
        }
        Path temporary = directory.resolve("." + path.getFileName() + "." + Long.toHexString(
                ThreadLocalRandom.current().nextLong()));
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.bind(UnixDomainSocketAddress.of(temporary), 512);
            Files.setPosixFilePermissions(temporary, mode);
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return channel;
        } catch (IOException | RuntimeException e) {
            channel.close();
            Files.deleteIfExists(temporary);
            throw e;
        }
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
