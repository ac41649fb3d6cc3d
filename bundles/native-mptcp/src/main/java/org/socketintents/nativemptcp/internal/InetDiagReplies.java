package org.socketintents.nativemptcp.internal;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.socketintents.api.transport.TcpConnectionInfo;
import org.socketintents.api.transport.TcpInfo;

/**
 * Reads the datagrams answering an {@link InetDiagRequest}: netlink messages, each a {@code struct inet_diag_msg}
 * with attributes (linux/inet_diag.h), ended by NLMSG_DONE or NLMSG_ERROR. Header fields are in native byte order,
 * ports and addresses in network byte order.
 */
final class InetDiagReplies {

    private static final int NLMSG_HEADER_SIZE = 16;
    private static final int NLMSG_ERROR = 2;
    private static final int NLMSG_DONE = 3;
    private static final int ALIGNMENT = 4;

    private static final int DIAG_MSG_SIZE = 72;
    private static final int FAMILY = 0;
    private static final int STATE = 1;
    private static final int SOURCE_PORT = 4;
    private static final int DESTINATION_PORT = 6;
    private static final int SOURCE = 8;
    private static final int DESTINATION = 24;
    private static final int INTERFACE = 40;

    private static final int ATTRIBUTE_HEADER_SIZE = 4;
    private static final int ATTRIBUTE_TYPE_MASK = 0x3FFF;
    private static final int INET_DIAG_ULP_INFO = 19;
    private static final int INET_ULP_INFO_NAME = 1;
    private static final String MPTCP_ULP = "mptcp";

    private static final TcpInfo NO_TCP_INFO = TcpInfoParser.parse(ByteBuffer.allocate(0));

    private InetDiagReplies() {
    }

    /**
     * @param datagram one received datagram, native byte order
     * @param sequence the request's sequence number; messages with another one are ignored
     * @param step     the request as error messages show it
     * @param into     receives the connections the datagram describes
     * @return whether the dump is complete
     * @throws IOException if the kernel reports an error or the datagram is malformed
     */
    static boolean read(ByteBuffer datagram, int sequence, String step, List<TcpConnectionInfo> into)
            throws IOException {
        int offset = 0;
        while (offset + NLMSG_HEADER_SIZE <= datagram.limit()) {
            int length = datagram.getInt(offset);
            int type = Short.toUnsignedInt(datagram.getShort(offset + 4));
            if (length < NLMSG_HEADER_SIZE || length > datagram.limit() - offset) {
                throw new SocketException(step + ": malformed netlink message of " + length + " bytes");
            }
            ByteBuffer payload = datagram.slice(offset + NLMSG_HEADER_SIZE, length - NLMSG_HEADER_SIZE)
                    .order(ByteOrder.nativeOrder());
            if (datagram.getInt(offset + 8) == sequence) {
                if (type == NLMSG_DONE || type == NLMSG_ERROR) {
                    // Both carry a negative errno, 0 for success, as their first field.
                    int error = payload.remaining() >= Integer.BYTES ? payload.getInt(0) : 0;
                    if (error < 0) {
                        throw Errno.exception(step, -error);
                    }
                    return true;
                }
                if (type == InetDiagRequest.SOCK_DIAG_BY_FAMILY) {
                    into.add(connection(payload, step));
                }
            }
            offset += align(length);
        }
        return false;
    }

    private static TcpConnectionInfo connection(ByteBuffer message, String step) throws IOException {
        if (message.limit() < DIAG_MSG_SIZE) {
            throw new SocketException(step + ": inet_diag_msg of " + message.limit() + " bytes");
        }
        int family = Byte.toUnsignedInt(message.get(FAMILY));
        int interfaceIndex = message.getInt(INTERFACE);
        InetSocketAddress local = new InetSocketAddress(address(message, SOURCE, family, interfaceIndex),
                port(message, SOURCE_PORT));
        InetSocketAddress remote = new InetSocketAddress(address(message, DESTINATION, family, interfaceIndex),
                port(message, DESTINATION_PORT));
        TcpInfo tcp = NO_TCP_INFO;
        boolean mptcp = false;
        int offset = DIAG_MSG_SIZE;
        while (offset + ATTRIBUTE_HEADER_SIZE <= message.limit()) {
            int length = Short.toUnsignedInt(message.getShort(offset));
            int type = message.getShort(offset + 2) & ATTRIBUTE_TYPE_MASK;
            if (length < ATTRIBUTE_HEADER_SIZE || length > message.limit() - offset) {
                throw new SocketException(step + ": malformed attribute of " + length + " bytes");
            }
            ByteBuffer value = message.slice(offset + ATTRIBUTE_HEADER_SIZE, length - ATTRIBUTE_HEADER_SIZE)
                    .order(ByteOrder.nativeOrder());
            if (type == InetDiagRequest.INET_DIAG_INFO) {
                tcp = TcpInfoParser.parse(value);
            } else if (type == INET_DIAG_ULP_INFO) {
                mptcp = MPTCP_ULP.equals(ulpName(value));
            }
            offset += align(length);
        }
        return new TcpConnectionInfo(local, remote, Byte.toUnsignedInt(message.get(STATE)), tcp.rttMicros(),
                tcp.rttVarMicros(), tcp.minRttMicros(), tcp.bytesAcked(), tcp.bytesReceived(), tcp.totalRetransmits(),
                tcp.deliveryRateBps(), mptcp);
    }

    /** @return the upper layer protocol's name from the nested INET_DIAG_ULP_INFO attributes, or "" */
    private static String ulpName(ByteBuffer nested) {
        int offset = 0;
        while (offset + ATTRIBUTE_HEADER_SIZE <= nested.limit()) {
            int length = Short.toUnsignedInt(nested.getShort(offset));
            if (length < ATTRIBUTE_HEADER_SIZE || length > nested.limit() - offset) {
                return "";
            }
            if ((nested.getShort(offset + 2) & ATTRIBUTE_TYPE_MASK) == INET_ULP_INFO_NAME) {
                byte[] name = new byte[length - ATTRIBUTE_HEADER_SIZE];
                nested.get(offset + ATTRIBUTE_HEADER_SIZE, name);
                return new String(name, StandardCharsets.US_ASCII).replace("\0", "");
            }
            offset += align(length);
        }
        return "";
    }

    private static InetAddress address(ByteBuffer message, int offset, int family, int interfaceIndex)
            throws IOException {
        byte[] bytes = new byte[family == LibC.AF_INET ? 4 : 16];
        message.get(offset, bytes);
        InetAddress address = InetAddress.getByAddress(bytes);
        // A link-local IPv6 address means nothing without its interface.
        if (address instanceof Inet6Address && address.isLinkLocalAddress() && interfaceIndex > 0) {
            return Inet6Address.getByAddress(null, bytes, interfaceIndex);
        }
        return address;
    }

    private static int port(ByteBuffer message, int offset) {
        return (Byte.toUnsignedInt(message.get(offset)) << 8) | Byte.toUnsignedInt(message.get(offset + 1));
    }

    private static int align(int length) {
        return (length + ALIGNMENT - 1) & -ALIGNMENT;
    }
}
