package org.socketintents.benchmarks.load;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

import org.socketintents.benchmarks.support.Frames;
import org.socketintents.protocol.Wire;

/** The floor's client: sends a fixed request frame and reads the reply frame, without encoding or decoding. */
final class EchoClient implements RoundTripClient {

    private final SocketChannel channel;
    private final ByteBuffer request;
    private final ByteBuffer prefix = ByteBuffer.allocate(Wire.LENGTH_BYTES);
    private final ByteBuffer in = ByteBuffer.allocate(Wire.DEFAULT_MAX_FRAME_BYTES);

    private EchoClient(SocketChannel channel, byte[] request) {
        this.channel = channel;
        this.request = ByteBuffer.wrap(request.clone());
    }

    static EchoClient connect(Path socket, byte[] request) throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return new EchoClient(channel, request);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void roundTrip() throws IOException {
        request.clear();
        Frames.write(channel, request);
        Frames.read(channel, prefix, in);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
