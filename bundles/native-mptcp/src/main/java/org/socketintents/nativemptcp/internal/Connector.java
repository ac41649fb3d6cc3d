package org.socketintents.nativemptcp.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.socketintents.api.policy.SuggestedOption;
import org.socketintents.api.policy.Transport;
import org.socketintents.api.transport.ConnectSpec;

/**
 * Carries out a {@link ConnectSpec}: per remote address, in order, a fresh socket (MPTCP when asked and the kernel
 * has it, TCP otherwise), bound to the device, options set, bound to the source address, then connected within the
 * timeout. Options go before connecting because some (buffer sizes, via the window scale) only take effect then.
 */
final class Connector {

    private static final System.Logger LOG = System.getLogger(Connector.class.getName());

    static final String PEER_FALLBACK = "the peer's SYN-ACK carried no MP_CAPABLE option, so the peer or a middlebox"
            + " does not speak MPTCP: the kernel fell back to TCP";

    private Connector() {
    }

    /**
     * @param spec what to connect to, and how
     * @return the first connection that succeeds
     * @throws IOException the last address's failure, with the earlier ones suppressed
     */
    static KernelConnection connect(ConnectSpec spec) throws IOException {
        List<IOException> failures = new ArrayList<>();
        for (InetSocketAddress remote : spec.remotes()) {
            try {
                return attempt(spec, remote);
            } catch (IOException e) {
                LOG.log(Level.DEBUG, "{0}: {1}", spec, e.getMessage());
                failures.add(e);
            }
        }
        IOException last = failures.remove(failures.size() - 1);
        failures.forEach(last::addSuppressed);
        throw last;
    }

    private static KernelConnection attempt(ConnectSpec spec, InetSocketAddress remote) throws IOException {
        int family = SocketAddresses.family(remote.getAddress());
        Optional<InetAddress> source = spec.sourceAddress();
        if (source.isPresent() && SocketAddresses.family(source.get()) != family) {
            throw new SocketException("source " + source.get().getHostAddress() + " and destination "
                    + SocketAddresses.format(remote) + " are of different address families");
        }
        Created created = create(spec.transport(), family);
        try {
            prepare(created.socket(), spec, family);
            created.socket().connect(remote, spec.connectTimeout());
            return connected(created);
        } catch (IOException | RuntimeException e) {
            created.socket().close();
            throw e;
        }
    }

    /** An MPTCP socket when asked for and the kernel has MPTCP, a TCP socket otherwise. */
    private static Created create(Transport transport, int family) throws IOException {
        String unavailable = null;
        if (transport == Transport.MPTCP) {
            try {
                return new Created(NativeSocket.open(family, LibC.SOCK_STREAM, KernelProtocol.MPTCP.number(),
                        KernelProtocol.MPTCP.call(family)), null);
            } catch (ErrnoException e) {
                if (!KernelProtocol.meansUnavailable(e)) {
                    throw e;
                }
                unavailable = KernelProtocol.MPTCP.unavailability(e);
            }
        }
        return new Created(NativeSocket.open(family, LibC.SOCK_STREAM, LibC.IPPROTO_TCP,
                "socket(" + SocketAddresses.familyName(family) + ", SOCK_STREAM, IPPROTO_TCP)"), unavailable);
    }

    private static void prepare(NativeSocket socket, ConnectSpec spec, int family) throws IOException {
        if (spec.device().isPresent()) {
            socket.bindToDevice(spec.device().get());
        }
        for (Map.Entry<SuggestedOption, Integer> option : spec.options().entrySet()) {
            OptionCodes codes = OptionCodes.of(option.getKey(), family);
            socket.setInt(codes.level(), codes.name(), option.getValue(),
                    "setting " + codes.label() + " to " + option.getValue());
        }
        if (spec.sourceAddress().isPresent()) {
            socket.bind(new InetSocketAddress(spec.sourceAddress().get(), 0));
        }
    }

    private static KernelConnection connected(Created created) throws IOException {
        NativeSocket socket = created.socket();
        InetSocketAddress local = socket.localAddress();
        InetSocketAddress remote = socket.remoteAddress();
        if (socket.protocol() != LibC.IPPROTO_MPTCP) {
            return new KernelConnection(socket, local, remote, Transport.TCP, created.mptcpUnavailable());
        }
        if (MptcpInfoReader.read(socket).isPresent()) {
            return new KernelConnection(socket, local, remote, Transport.MPTCP, null);
        }
        return new KernelConnection(socket, local, remote, Transport.TCP, PEER_FALLBACK);
    }

    /**
     * @param socket           the new socket
     * @param mptcpUnavailable why it is a TCP socket although MPTCP was asked for, or null
     */
    private record Created(NativeSocket socket, String mptcpUnavailable) {
    }
}
