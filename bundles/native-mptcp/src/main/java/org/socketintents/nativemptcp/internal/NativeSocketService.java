package org.socketintents.nativemptcp.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.file.Path;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.socketintents.api.transport.ConnectSpec;
import org.socketintents.api.transport.NativeConnection;
import org.socketintents.api.transport.NativeSockets;
import org.socketintents.api.transport.ProtocolSupport;
import org.socketintents.api.transport.TransportCapabilities;

/** The {@link NativeSockets} service: system calls through JNA, descriptors adopted through junixsocket. */
@Component(service = NativeSockets.class)
public final class NativeSocketService implements NativeSockets {

    private final KernelFacts kernelFacts = new KernelFacts(Path.of("/proc/sys"));

    /**
     * Binds the C library now: without JNA's native part the service must not be offered at all. junixsocket is
     * left alone until a descriptor is handed out: most runtimes never do it, and loading it costs resident memory.
     */
    @Activate
    void activate() {
        LibC.load();
    }

    @Override
    public TransportCapabilities capabilities() {
        return new TransportCapabilities(KernelProtocol.MPTCP.probe(), KernelProtocol.SCTP.probe(),
                kernelFacts.read());
    }

    @Override
    public NativeConnection connect(ConnectSpec spec) throws IOException {
        return Connector.connect(spec);
    }

    @Override
    public void setSctpPrimaryPath(int descriptor, InetSocketAddress primary) throws IOException {
        ProtocolSupport sctp = KernelProtocol.SCTP.probe();
        if (!sctp.available()) {
            throw new SocketException("cannot set the SCTP primary path to " + SocketAddresses.format(primary)
                    + ": SCTP is not available on this kernel: " + sctp.reason());
        }
        SctpPrimaryPath.set(descriptor, primary);
    }
}
