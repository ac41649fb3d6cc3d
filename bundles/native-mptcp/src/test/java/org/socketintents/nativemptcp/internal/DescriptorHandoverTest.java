package org.socketintents.nativemptcp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileDescriptor;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketPair;
import org.newsclub.net.unix.FileDescriptorCast;
import org.socketintents.api.policy.Transport;
import org.socketintents.api.transport.ConnectSpec;
import org.socketintents.api.transport.NativeConnection;

/** The ways a connected descriptor leaves the service: as a Socket, as a SocketChannel, over SCM_RIGHTS. */
class DescriptorHandoverTest {

    private final NativeSocketService service = new NativeSocketService();

    @BeforeEach
    void activate() {
        service.activate();
    }

    @Test
    void junixsocketCanAdoptDescriptorsHere() {
        assertTrue(DescriptorCast.available());
    }

    @Test
    void asASocketItReadsWritesAndReportsInternetAddresses() throws Exception {
        try (NativeListener listener = NativeListener.open(LibC.IPPROTO_MPTCP, Loopback.V4, 8);
             NativeConnection connection = service.connect(ConnectSpec.builder().remote(listener.address())
                     .transport(Transport.MPTCP).build());
             Socket server = listener.accept();
             Socket client = connection.toSocket()) {
            assertEquals(connection.remoteAddress(), client.getRemoteSocketAddress());
            assertEquals(connection.localAddress(), client.getLocalSocketAddress());
            assertEquals(listener.address().getAddress(), client.getInetAddress());
            assertEquals(listener.address().getPort(), client.getPort());
            assertTrue(client.isConnected());
            Loopback.roundTrip(client, server, 4096);
        }
    }

    @Test
    void handingOverEndsTheConnectionsOwnershipAndClosingTheSocketClosesTheDescriptor() throws Exception {
        try (ServerSocket listener = Loopback.listener()) {
            NativeConnection connection = service.connect(ConnectSpec.builder()
                    .remote(Loopback.addressOf(listener)).build());
            Path descriptor = Path.of("/proc/self/fd/" + connection.descriptor());
            Socket client = connection.toSocket();
            Socket server = listener.accept();
            assertThrows(IllegalStateException.class, connection::descriptor);
            assertThrows(IllegalStateException.class, connection::toSocket);
            connection.close();
            assertTrue(Files.exists(descriptor, LinkOption.NOFOLLOW_LINKS));
            client.close();
            assertFalse(Files.exists(descriptor, LinkOption.NOFOLLOW_LINKS));
            assertEquals(-1, server.getInputStream().read());
            server.close();
        }
    }

    @Test
    void asAChannelItReadsAndWrites() throws Exception {
        try (ServerSocket listener = Loopback.listener();
             NativeConnection connection = service.connect(ConnectSpec.builder()
                     .remote(Loopback.addressOf(listener)).build());
             Socket server = listener.accept();
             SocketChannel channel = connection.toChannel()) {
            assertTrue(channel.isBlocking());
            channel.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            assertEquals(3, server.getInputStream().readNBytes(3).length);
            server.getOutputStream().write(new byte[] {4, 5});
            ByteBuffer received = ByteBuffer.allocate(2);
            while (received.hasRemaining()) {
                channel.read(received);
            }
            assertEquals(ByteBuffer.wrap(new byte[] {4, 5}), received.flip());
        }
    }

    /**
     * A closed adopted socket or channel, once finalized, must not touch its old descriptor number: the next
     * connection of the process gets that number.
     */
    @Test
    @SuppressWarnings("removal") // runFinalization: the finalizer is the trigger
    void aFinalizedSocketLeavesTheNextConnectionWithItsNumberAlone() throws Exception {
        try (ServerSocket listener = Loopback.listener()) {
            for (int i = 0; i < 20; i++) {
                handOverAndClose(listener, true);
                handOverAndClose(listener, false);
                try (Socket later = new Socket(Loopback.V4, listener.getLocalPort());
                     Socket server = listener.accept()) {
                    System.gc();
                    System.runFinalization();
                    Loopback.roundTrip(later, server, 64);
                }
            }
        }
    }

    private void handOverAndClose(ServerSocket listener, boolean asSocket) throws Exception {
        try (NativeConnection connection = service.connect(ConnectSpec.builder()
                .remote(Loopback.addressOf(listener)).build());
             Socket server = listener.accept()) {
            if (asSocket) {
                connection.toSocket().close();
            } else {
                connection.toChannel().close();
            }
        }
    }

    /** What the MAM does: send the descriptor over a Unix socket, close its own copy; the receiver's copy works. */
    @Test
    void sentWithScmRightsTheDescriptorOutlivesTheSendersCopy() throws Exception {
        try (ServerSocket listener = Loopback.listener();
             AFUNIXSocketPair<AFUNIXSocketChannel> pair = AFUNIXSocketPair.open();
             Socket server = acceptAfterHandover(listener, pair)) {
            FileDescriptor[] received = pair.getSocket2().getReceivedFileDescriptors();
            assertEquals(1, received.length);
            int descriptor = FileDescriptorCast.using(received[0]).as(Integer.class);
            try (Socket client = DescriptorCast.socket(descriptor, (InetSocketAddress) server.getRemoteSocketAddress(),
                    Loopback.addressOf(listener))) {
                Loopback.roundTrip(client, server, 4096);
            }
        }
    }

    private Socket acceptAfterHandover(ServerSocket listener, AFUNIXSocketPair<AFUNIXSocketChannel> pair)
            throws Exception {
        InetSocketAddress remote = Loopback.addressOf(listener);
        try (NativeConnection connection = service.connect(ConnectSpec.builder().remote(remote).build())) {
            pair.getSocket1().setOutboundFileDescriptors(connection.fileDescriptor());
            pair.getSocket1().write(ByteBuffer.wrap(new byte[] {1}));
            pair.getSocket2().setAncillaryReceiveBufferSize(1024);
            pair.getSocket2().read(ByteBuffer.allocate(1));
        }
        return listener.accept();
    }
}
