package org.socketintents.nativemptcp.internal;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.SocketChannel;

import org.newsclub.net.unix.AFSocket;
import org.newsclub.net.unix.AFSocketCapability;
import org.newsclub.net.unix.FileDescriptorCast;

/**
 * Turns a descriptor number into the JDK's types with junixsocket's {@link FileDescriptorCast}, the one way to adopt a
 * native socket in Java 17 without opening the JDK's internals.
 */
final class DescriptorCast {

    private DescriptorCast() {
    }

    /** @return whether junixsocket's native library loaded and allows adopting descriptor numbers */
    static boolean available() {
        return AFSocket.supports(AFSocketCapability.CAPABILITY_UNSAFE);
    }

    private static void requireAvailable() throws IOException {
        if (!available()) {
            throw new IOException("junixsocket's native library is not usable here: the connection works, but its"
                    + " descriptor cannot be handed out as FileDescriptor, Socket or SocketChannel");
        }
    }

    /**
     * @param descriptor an open descriptor
     * @return a {@link FileDescriptor} naming it, which does not close it (e.g. for SCM_RIGHTS)
     */
    static FileDescriptor fileDescriptor(int descriptor) throws IOException {
        requireAvailable();
        return FileDescriptorCast.unsafeUsing(descriptor).getFileDescriptor();
    }

    /**
     * @param descriptor a connected stream socket, owned by the returned socket from now on
     * @param local      its local address
     * @param remote     its remote address
     * @return a blocking socket whose address getters return {@link InetSocketAddress}es
     */
    static Socket socket(int descriptor, InetSocketAddress local, InetSocketAddress remote) throws IOException {
        return new InetSocketView(adopt(descriptor, local, remote), local, remote);
    }

    /**
     * @param descriptor a connected stream socket, owned by the returned channel from now on
     * @param local      its local address
     * @param remote     its remote address
     * @return junixsocket's channel for it, in blocking mode
     */
    static SocketChannel channel(int descriptor, InetSocketAddress local, InetSocketAddress remote)
            throws IOException {
        return adopt(descriptor, local, remote).getChannel();
    }

    /**
     * junixsocket's cast sockets do not own their descriptor (closing one only shuts the connection down): the
     * descriptor is closed by a closeable registered with the socket, which its channel's close reaches too. It
     * closes through the very {@link FileDescriptor} the socket holds, which invalidates it: junixsocket's socket
     * shuts its descriptor down again when it is finalized, and a descriptor closed only by number would still name
     * that number, which by then may belong to another connection of this process.
     */
    private static AFSocket<?> adopt(int descriptor, InetSocketAddress local, InetSocketAddress remote)
            throws IOException {
        requireAvailable();
        FileDescriptorCast cast = FileDescriptorCast.unsafeUsing(descriptor);
        FileDescriptor held = cast.getFileDescriptor();
        AFSocket<?> socket = cast.withLocalPort(local.getPort()).withRemotePort(remote.getPort()).as(AFSocket.class);
        socket.addCloseable(() -> new FileInputStream(held).close());
        return socket;
    }
}
