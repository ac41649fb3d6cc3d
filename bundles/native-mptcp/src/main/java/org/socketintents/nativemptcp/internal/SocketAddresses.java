package org.socketintents.nativemptcp.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Encodes and decodes {@code struct sockaddr_in} and {@code sockaddr_in6}: the family and the IPv6 scope id in native
 * byte order, port, flow info and address in network byte order.
 */
final class SocketAddresses {

    /** Size of {@code struct sockaddr_storage}: room for any address the kernel returns. */
    static final int STORAGE_SIZE = 128;

    private static final int IN_SIZE = 16;
    private static final int IN_ZERO_SIZE = 8;
    private static final int IN6_SIZE = 28;
    private static final int ADDRESS_OFFSET = 4;
    private static final int IN6_ADDRESS_OFFSET = 8;
    private static final int IN6_SCOPE_OFFSET = 24;

    private SocketAddresses() {
    }

    /**
     * @param address an address
     * @return its family, {@link LibC#AF_INET} or {@link LibC#AF_INET6}
     */
    static int family(InetAddress address) {
        return address instanceof Inet4Address ? LibC.AF_INET : LibC.AF_INET6;
    }

    /**
     * @param family {@link LibC#AF_INET} or {@link LibC#AF_INET6}
     * @return its constant's name, for messages
     */
    static String familyName(int family) {
        return family == LibC.AF_INET ? "AF_INET" : "AF_INET6";
    }

    /**
     * @param address a resolved address
     * @return its {@code sockaddr_in} or {@code sockaddr_in6}, exactly as long as the structure
     */
    static byte[] encode(InetSocketAddress address) {
        int size = address.getAddress() instanceof Inet4Address ? IN_SIZE : IN6_SIZE;
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.nativeOrder());
        writeInto(b, address);
        return b.array();
    }

    /**
     * Writes a {@code sockaddr_in} or {@code sockaddr_in6} at the buffer's position, which is left after it.
     *
     * @param b       a buffer in native byte order with room for the structure
     * @param address a resolved address
     */
    static void writeInto(ByteBuffer b, InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        b.putShort((short) family(ip));
        b.put((byte) (address.getPort() >>> 8)).put((byte) address.getPort());
        if (ip instanceof Inet4Address) {
            b.put(ip.getAddress()).put(new byte[IN_ZERO_SIZE]);
        } else {
            b.putInt(0); // flow info
            b.put(ip.getAddress());
            b.putInt(((Inet6Address) ip).getScopeId());
        }
    }

    /**
     * @param bytes  a socket address as the kernel wrote it
     * @param offset where it starts
     * @param length how many bytes the kernel wrote (at most the structure's size)
     * @return the address
     * @throws UnknownHostException if it is neither IPv4 nor IPv6, or too short for its family
     */
    static InetSocketAddress decode(byte[] bytes, int offset, int length) throws UnknownHostException {
        ByteBuffer b = ByteBuffer.wrap(bytes, offset, length).slice().order(ByteOrder.nativeOrder());
        int family = length < ADDRESS_OFFSET ? -1 : Short.toUnsignedInt(b.getShort(0));
        if (family == LibC.AF_INET && length >= IN_SIZE - IN_ZERO_SIZE) {
            byte[] ip = new byte[4];
            b.get(ADDRESS_OFFSET, ip);
            return new InetSocketAddress(InetAddress.getByAddress(ip), port(b));
        }
        if (family == LibC.AF_INET6 && length >= IN6_SIZE) {
            byte[] ip = new byte[16];
            b.get(IN6_ADDRESS_OFFSET, ip);
            int scope = b.getInt(IN6_SCOPE_OFFSET);
            InetAddress address = scope == 0
                    ? InetAddress.getByAddress(ip)
                    : Inet6Address.getByAddress(null, ip, scope);
            return new InetSocketAddress(address, port(b));
        }
        throw new UnknownHostException("not an IPv4 or IPv6 socket address: family " + family + ", " + length
                + " bytes");
    }

    /**
     * @param address an address
     * @return it as people write it: 192.0.2.1:80, [2001:db8::1]:80
     */
    static String format(InetSocketAddress address) {
        InetAddress ip = address.getAddress();
        String host = ip instanceof Inet6Address ? "[" + ip.getHostAddress() + "]" : ip.getHostAddress();
        return host + ":" + address.getPort();
    }

    private static int port(ByteBuffer b) {
        return (Byte.toUnsignedInt(b.get(2)) << 8) | Byte.toUnsignedInt(b.get(3));
    }
}
