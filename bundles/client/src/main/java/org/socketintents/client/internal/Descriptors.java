package org.socketintents.client.internal;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;

/** Closing received descriptors, which nothing in the JDK owns. */
final class Descriptors {

    private Descriptors() {
    }

    /** Closes the descriptor and invalidates this object's hold of its number (a stream that owns it closes it). */
    static void close(FileDescriptor descriptor) throws IOException {
        new FileInputStream(descriptor).close();
    }
}
