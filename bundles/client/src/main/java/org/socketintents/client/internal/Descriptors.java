package org.socketintents.client.internal;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;

import org.newsclub.net.unix.FileDescriptorCast;

/** Closing received descriptors, which nothing in the JDK owns. */
final class Descriptors {

    private Descriptors() {
    }

    /** @return the descriptor's number */
    static int number(FileDescriptor descriptor) throws IOException {
        return FileDescriptorCast.using(descriptor).as(Integer.class);
    }

    /** Closes the descriptor (a stream that owns it closes it on close). */
    static void close(FileDescriptor descriptor) throws IOException {
        new FileInputStream(descriptor).close();
    }

    /**
     * Closes a descriptor by its number, with a {@link FileDescriptor} of its own: the one a socket was adopted with
     * may have been invalidated by the socket's close.
     */
    static void close(int number) throws IOException {
        close(FileDescriptorCast.unsafeUsing(number).getFileDescriptor());
    }
}
