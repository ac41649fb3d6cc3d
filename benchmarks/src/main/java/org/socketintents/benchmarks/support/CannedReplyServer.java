package org.socketintents.benchmarks.support;

import java.io.Closeable;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.socketintents.protocol.Wire;

/**
 * A Unix-socket server that answers every frame with the same reply frame, carrying the request's id: the MAM's
 * I/O shape (a thread per client, blocking reads, one reply per request) without decoding or deciding. It is the
 * floor under the MAM's round trip, and a stand-in MAM for measuring the client library alone.
 */
public final class CannedReplyServer implements Closeable {

    private final Path path;
    private final byte[] reply;
    private final ServerSocketChannel server;
    private final Set<SocketChannel> clients = ConcurrentHashMap.newKeySet();

    private CannedReplyServer(Path path, byte[] reply, ServerSocketChannel server) {
        this.path = path;
        this.reply = reply.clone();
        this.server = server;
    }

    /**
     * @param path  where to listen; must not exist
     * @param reply the frame to answer with, length prefix included
     * @return a running server
     */
    public static CannedReplyServer start(Path path, byte[] reply) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        channel.bind(UnixDomainSocketAddress.of(path));
        CannedReplyServer server = new CannedReplyServer(path, reply, channel);
        Thread acceptor = new Thread(server::accept, "canned-reply-accept");
        acceptor.setDaemon(true);
        acceptor.start();
        return server;
    }

    public Path path() {
        return path;
    }

    private void accept() {
        while (server.isOpen()) {
            try {
                SocketChannel client = server.accept();
                clients.add(client);
                Thread thread = new Thread(() -> serve(client), "canned-reply-client");
                thread.setDaemon(true);
                thread.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(SocketChannel client) {
        ByteBuffer prefix = ByteBuffer.allocate(Wire.LENGTH_BYTES);
        ByteBuffer body = ByteBuffer.allocate(Wire.DEFAULT_MAX_FRAME_BYTES);
        ByteBuffer out = ByteBuffer.wrap(reply.clone());
        try (client) {
            while (true) {
                ByteBuffer request = Frames.read(client, prefix, body);
                out.clear();
                out.putInt(Frames.REQUEST_ID_OFFSET, request.getInt(Frames.REQUEST_ID_OFFSET - Wire.LENGTH_BYTES));
                Frames.write(client, out);
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            clients.remove(client);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (SocketChannel client : clients) {
            client.close();
        }
        Files.deleteIfExists(path);
    }
}
