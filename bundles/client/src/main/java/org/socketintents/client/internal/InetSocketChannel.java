package org.socketintents.client.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketOption;
import java.nio.ByteBuffer;
import java.nio.channels.AlreadyBoundException;
import java.nio.channels.AlreadyConnectedException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.SocketChannel;
import java.nio.channels.spi.SelectorProvider;
import java.util.Set;

import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Transport;
import org.socketintents.client.DelegatedConnection;
import org.socketintents.protocol.SocketConnectReply;

/**
 * A connection the MAM made, adopted by junixsocket, seen as an internet socket channel: its address getters
 * return the {@link InetSocketAddress}es of the MAM's reply; reads, writes, options, shutdown, blocking mode and
 * close are junixsocket's channel's. It belongs to the JDK's default selector provider but is none of its
 * channels, so registering it with a selector fails with an {@link java.nio.channels.IllegalSelectorException}.
 */
final class InetSocketChannel extends SocketChannel implements DelegatedConnection {

    private final SocketChannel adopted;
    private final InetSocket socket;
    private final SocketConnectReply reply;

    InetSocketChannel(SocketChannel adopted, InetSocket socket, SocketConnectReply reply) {
        super(SelectorProvider.provider());
        this.adopted = adopted;
        this.socket = socket;
        this.reply = reply;
        socket.belongTo(this);
    }

    @Override
    public Decision decision() {
        return reply.decision();
    }

    @Override
    public Transport transport() {
        return reply.transport();
    }

    @Override
    public String fallbackReason() {
        return reply.fallbackReason();
    }

    @Override
    public SocketChannel bind(SocketAddress local) throws IOException {
        throw new AlreadyBoundException();
    }

    @Override
    public <T> SocketChannel setOption(SocketOption<T> name, T value) throws IOException {
        adopted.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return adopted.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return adopted.supportedOptions();
    }

    @Override
    public SocketChannel shutdownInput() throws IOException {
        adopted.shutdownInput();
        return this;
    }

    @Override
    public SocketChannel shutdownOutput() throws IOException {
        adopted.shutdownOutput();
        return this;
    }

    @Override
    public Socket socket() {
        return socket;
    }

    @Override
    public boolean isConnected() {
        return adopted.isConnected();
    }

    @Override
    public boolean isConnectionPending() {
        return false;
    }

    @Override
    public boolean connect(SocketAddress remote) throws IOException {
        throw new AlreadyConnectedException();
    }

    @Override
    public boolean finishConnect() throws IOException {
        ensureOpen();
        return true;
    }

    @Override
    public SocketAddress getRemoteAddress() throws IOException {
        ensureOpen();
        return reply.remote();
    }

    @Override
    public SocketAddress getLocalAddress() throws IOException {
        ensureOpen();
        return reply.local();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        return adopted.read(dst);
    }

    @Override
    public long read(ByteBuffer[] dsts, int offset, int length) throws IOException {
        return adopted.read(dsts, offset, length);
    }

    @Override
    public int write(ByteBuffer src) throws IOException {
        return adopted.write(src);
    }

    @Override
    public long write(ByteBuffer[] srcs, int offset, int length) throws IOException {
        return adopted.write(srcs, offset, length);
    }

    @Override
    protected void implCloseSelectableChannel() throws IOException {
        adopted.close();
    }

    @Override
    protected void implConfigureBlocking(boolean block) throws IOException {
        adopted.configureBlocking(block);
    }

    private void ensureOpen() throws ClosedChannelException {
        if (!isOpen()) {
            throw new ClosedChannelException();
        }
    }

    @Override
    public String toString() {
        return "SocketChannel[" + reply.transport() + " " + reply.local() + " -> " + reply.remote()
                + (isOpen() ? "]" : ", closed]");
    }
}
