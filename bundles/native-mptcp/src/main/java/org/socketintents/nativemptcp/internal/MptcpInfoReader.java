package org.socketintents.nativemptcp.internal;

import static org.socketintents.nativemptcp.internal.Fields.u32;
import static org.socketintents.nativemptcp.internal.Fields.u64;
import static org.socketintents.nativemptcp.internal.Fields.u8;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.socketintents.api.transport.MptcpInfo;
import org.socketintents.api.transport.MptcpSubflow;

/**
 * Reads an MPTCP connection's state: {@code struct mptcp_info} (MPTCP_INFO) and, per subflow, its {@code tcp_info}
 * (MPTCP_TCPINFO) and addresses (MPTCP_SUBFLOW_ADDRS). A socket that fell back to TCP answers these options with
 * EOPNOTSUPP: that is how the kernel tells a fallback (linux/mptcp.h).
 */
final class MptcpInfoReader {

    /** More than any kernel's mptcp_info so far (96 bytes on Linux 6.18). */
    private static final int INFO_BUFFER_SIZE = 256;

    /** {@code struct mptcp_subflow_addrs}: two sockaddr_storage, local then remote. */
    private static final int ADDRS_SIZE = 2 * SocketAddresses.STORAGE_SIZE;
    /** The kernel's path manager allows at most 8 subflows by default; more only cost one more round. */
    private static final int INITIAL_CAPACITY = 8;
    /** Subflows come and go; reading both lists is retried this often until they agree. */
    private static final int ATTEMPTS = 3;

    private static final int ADD_ADDR_SIGNAL = 1;
    private static final int ADD_ADDR_ACCEPTED = 2;
    private static final int SUBFLOWS_MAX = 3;
    private static final int FLAGS = 8;
    private static final int TOKEN = 12;
    private static final int LOCAL_ADDR_USED = 40;
    private static final int LOCAL_ADDR_MAX = 41;
    private static final int CSUM_ENABLED = 42;
    private static final int BYTES_RETRANS = 48;
    private static final int BYTES_SENT = 56;
    private static final int BYTES_RECEIVED = 64;
    private static final int BYTES_ACKED = 72;
    private static final int FLAG_REMOTE_KEY_RECEIVED = 1 << 1;

    private MptcpInfoReader() {
    }

    /**
     * @param socket a connected socket
     * @return its MPTCP state; empty unless it is an MPTCP socket that has not fallen back to TCP
     */
    static Optional<MptcpInfo> read(NativeSocket socket) throws IOException {
        if (socket.protocol() != LibC.IPPROTO_MPTCP) {
            return Optional.empty();
        }
        try {
            byte[] info = new byte[INFO_BUFFER_SIZE];
            int length = socket.getBytes(LibC.SOL_MPTCP, LibC.MPTCP_INFO, info, "reading MPTCP_INFO");
            return Optional.of(parse(ByteBuffer.wrap(info, 0, length).order(ByteOrder.nativeOrder()),
                    subflows(socket)));
        } catch (ErrnoException e) {
            if (e.errno() == Errno.EOPNOTSUPP || e.errno() == Errno.ENOPROTOOPT) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * @param info     {@code struct mptcp_info}, native byte order, limited to the length the kernel reported
     * @param subflows the subflows
     * @return the state
     */
    static MptcpInfo parse(ByteBuffer info, List<MptcpSubflow> subflows) {
        return new MptcpInfo(u32(info, TOKEN), subflows, u8(info, SUBFLOWS_MAX), u8(info, ADD_ADDR_SIGNAL),
                u8(info, ADD_ADDR_ACCEPTED), u8(info, LOCAL_ADDR_USED), u8(info, LOCAL_ADDR_MAX),
                (u32(info, FLAGS) & FLAG_REMOTE_KEY_RECEIVED) != 0, u8(info, CSUM_ENABLED) != 0,
                u64(info, BYTES_SENT), u64(info, BYTES_RECEIVED), u64(info, BYTES_ACKED), u64(info, BYTES_RETRANS));
    }

    private static List<MptcpSubflow> subflows(NativeSocket socket) throws IOException {
        int capacity = INITIAL_CAPACITY;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            SubflowData tcpInfos = SubflowData.read(socket, LibC.MPTCP_TCPINFO, TcpInfoParser.BUFFER_SIZE, capacity,
                    "reading MPTCP_TCPINFO");
            SubflowData addresses = SubflowData.read(socket, LibC.MPTCP_SUBFLOW_ADDRS, ADDRS_SIZE, capacity,
                    "reading MPTCP_SUBFLOW_ADDRS");
            if (tcpInfos.complete() && addresses.complete() && tcpInfos.count() == addresses.count()) {
                return pair(tcpInfos, addresses);
            }
            capacity = Math.max(capacity, Math.max(tcpInfos.count(), addresses.count()));
        }
        throw new SocketException("the MPTCP subflows kept changing while being read; try again");
    }

    private static List<MptcpSubflow> pair(SubflowData tcpInfos, SubflowData addresses) throws IOException {
        List<MptcpSubflow> subflows = new ArrayList<>(tcpInfos.count());
        for (int i = 0; i < tcpInfos.count(); i++) {
            ByteBuffer pair = addresses.element(i);
            byte[] raw = new byte[pair.remaining()];
            pair.get(0, raw);
            InetSocketAddress local = SocketAddresses.decode(raw, 0, SocketAddresses.STORAGE_SIZE);
            InetSocketAddress remote = SocketAddresses.decode(raw, SocketAddresses.STORAGE_SIZE,
                    SocketAddresses.STORAGE_SIZE);
            subflows.add(new MptcpSubflow(local, remote, TcpInfoParser.parse(tcpInfos.element(i))));
        }
        return subflows;
    }
}
