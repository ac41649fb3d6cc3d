package org.socketintents.mam.internal;

import java.io.FileDescriptor;
import java.io.IOException;

import org.newsclub.net.unix.AFSocket;
import org.newsclub.net.unix.AFSocketCapability;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * Whether this MAM can attach descriptors to what it sends (SCM_RIGHTS), which takes junixsocket's native library;
 * without it the MAM still serves, with the JDK's Unix sockets, and only delegated connects are unavailable.
 */
final class DescriptorPassing {

    private static final boolean SUPPORTED = probe();

    private DescriptorPassing() {
    }

    /** @return whether junixsocket's native library loaded and can pass and name descriptors */
    static boolean isSupported() {
        return SUPPORTED;
    }

    /**
     * @param descriptor an open descriptor number
     * @return a {@link FileDescriptor} naming it, to attach to a message; it does not own the descriptor
     */
    static FileDescriptor of(int descriptor) throws IOException {
        return FileDescriptorCast.unsafeUsing(descriptor).getFileDescriptor();
    }

    private static boolean probe() {
        Throwable failure = null;
        try {
            if (AFSocket.supports(AFSocketCapability.CAPABILITY_UNIX_DOMAIN)
                    && AFSocket.supports(AFSocketCapability.CAPABILITY_FILE_DESCRIPTORS)
                    && AFSocket.supports(AFSocketCapability.CAPABILITY_UNSAFE)) {
                return true;
            }
        } catch (LinkageError e) {
            failure = e;
        }
        System.getLogger(DescriptorPassing.class.getName()).log(System.Logger.Level.WARNING, "junixsocket's native"
                + " library is not usable here: the MAM serves with the JDK's Unix sockets and answers delegated"
                + " connects (SOCKETCONNECT) UNAVAILABLE", failure);
        return false;
    }
}
