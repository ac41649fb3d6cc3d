package org.socketintents.client.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketImpl;
import java.net.SocketOption;
import java.nio.channels.SocketChannel;
import java.util.Set;

import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Transport;
import org.socketintents.client.DelegatedConnection;
import org.socketintents.protocol.SocketConnectReply;

/**
 * A connection the MAM made, adopted by junixsocket, seen as an internet socket: junixsocket's address getters
 * (final in its classes) return its generic address type, these return the {@link InetSocketAddress}es of the
 * MAM's reply. Everything else is the adopted socket's. Every public method of {@link Socket} is overridden, so
 * that the superclass never creates a socket of its own.
 */
final class InetSocket extends Socket implements DelegatedConnection {

    private final Socket adopted;
    private final SocketConnectReply reply;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private volatile SocketChannel channel;

    InetSocket(Socket adopted, SocketConnectReply reply) throws SocketException {
        super((SocketImpl) null);
        this.adopted = adopted;
        this.reply = reply;
        this.local = reply.local();
        this.remote = reply.remote();
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
    public void connect(SocketAddress endpoint) throws IOException {
        throw new SocketException("already connected to " + remote);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        connect(endpoint);
    }

    @Override
    public void bind(SocketAddress bindpoint) throws IOException {
        throw new SocketException("already bound to " + local);
    }

    @Override
    public InetAddress getInetAddress() {
        return remote.getAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return local.getAddress();
    }

    @Override
    public int getPort() {
        return remote.getPort();
    }

    @Override
    public int getLocalPort() {
        return local.getPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return remote;
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return local;
    }

    /** @return the channel this socket belongs to, or null when it was handed out as a socket */
    @Override
    public SocketChannel getChannel() {
        return channel;
    }

    /** @param owner the channel that hands this socket out as its {@link SocketChannel#socket()} */
    void belongTo(SocketChannel owner) {
        this.channel = owner;
    }

    @Override
    public InputStream getInputStream() throws IOException {
        return adopted.getInputStream();
    }

    @Override
    public OutputStream getOutputStream() throws IOException {
        return adopted.getOutputStream();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        adopted.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return adopted.getTcpNoDelay();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        adopted.setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return adopted.getSoLinger();
    }

    @Override
    public void sendUrgentData(int data) throws IOException {
        adopted.sendUrgentData(data);
    }

    @Override
    public void setOOBInline(boolean on) throws SocketException {
        adopted.setOOBInline(on);
    }

    @Override
    public boolean getOOBInline() throws SocketException {
        return adopted.getOOBInline();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        adopted.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return adopted.getSoTimeout();
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        adopted.setSendBufferSize(size);
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return adopted.getSendBufferSize();
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        adopted.setReceiveBufferSize(size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return adopted.getReceiveBufferSize();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        adopted.setKeepAlive(on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return adopted.getKeepAlive();
    }

    @Override
    public void setTrafficClass(int tc) throws SocketException {
        adopted.setTrafficClass(tc);
    }

    @Override
    public int getTrafficClass() throws SocketException {
        return adopted.getTrafficClass();
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        adopted.setReuseAddress(on);
    }

    @Override
    public boolean getReuseAddress() throws SocketException {
        return adopted.getReuseAddress();
    }

    /** Closes the socket, and its channel when it has one, as the JDK's sockets do. */
    @Override
    public void close() throws IOException {
        SocketChannel owner = channel;
        if (owner != null) {
            owner.close();
        } else {
            adopted.close();
        }
    }

    @Override
    public void shutdownInput() throws IOException {
        adopted.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        adopted.shutdownOutput();
    }

    @Override
    public boolean isConnected() {
        return adopted.isConnected();
    }

    @Override
    public boolean isBound() {
        return adopted.isBound();
    }

    @Override
    public boolean isClosed() {
        return adopted.isClosed();
    }

    @Override
    public boolean isInputShutdown() {
        return adopted.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return adopted.isOutputShutdown();
    }

    @Override
    public void setPerformancePreferences(int connectionTime, int latency, int bandwidth) {
        adopted.setPerformancePreferences(connectionTime, latency, bandwidth);
    }

    @Override
    public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
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
    public String toString() {
        return "Socket[" + reply.transport() + " " + local + " -> " + remote + (isClosed() ? ", closed]" : "]");
    }
}
