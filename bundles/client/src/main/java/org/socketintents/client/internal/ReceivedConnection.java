package org.socketintents.client.internal;

import java.io.Closeable;
import java.io.FileDescriptor;
import java.io.IOException;
import java.net.Socket;
import java.nio.channels.SocketChannel;

import org.newsclub.net.unix.AFSocket;
import org.newsclub.net.unix.FileDescriptorCast;
import org.socketintents.protocol.SocketConnectReply;

/**
 * A connection the MAM made and passed over: the descriptor, owned here until it is adopted as a socket or a
 * channel, and the MAM's reply about it.
 */
final class ReceivedConnection implements Closeable {

    private final FileDescriptor descriptor;
    private final SocketConnectReply reply;

    ReceivedConnection(FileDescriptor descriptor, SocketConnectReply reply) {
        this.descriptor = descriptor;
        this.reply = reply;
    }

    /** @return a blocking socket that owns the descriptor; its address getters give the reply's addresses */
    Socket socket() throws IOException {
        return new InetSocket(adopt(), reply);
    }

    /** @return a blocking channel that owns the descriptor; its address getters give the reply's addresses */
    SocketChannel channel() throws IOException {
        AFSocket<?> adopted = adopt();
        return new InetSocketChannel(adopted.getChannel(), new InetSocket(adopted, reply), reply);
    }

    /** Closes the descriptor; for when it could not be adopted. */
    @Override
    public void close() throws IOException {
        Descriptors.close(descriptor);
    }

    /**
     * junixsocket's adopted sockets do not close their descriptor (closing one only shuts the connection down), so
     * a closeable registered with the socket closes it; the channel's close reaches it too. It closes through the
     * very {@link FileDescriptor} the socket holds, which invalidates it: junixsocket's socket shuts its descriptor
     * down again when it is finalized, and a descriptor closed only by number would still name that number, which
     * by then may belong to another connection of this process.
     */
    private AFSocket<?> adopt() throws IOException {
        AFSocket<?> socket = FileDescriptorCast.using(descriptor).withLocalPort(reply.local().getPort())
                .withRemotePort(reply.remote().getPort()).as(AFSocket.class);
        socket.addCloseable(() -> Descriptors.close(descriptor));
        return socket;
    }
}
