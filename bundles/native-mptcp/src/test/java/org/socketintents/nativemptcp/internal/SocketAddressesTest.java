package org.socketintents.nativemptcp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

class SocketAddressesTest {

    @Test
    void sockaddrInIsSixteenBytes() throws Exception {
        byte[] encoded = SocketAddresses.encode(new InetSocketAddress(InetAddress.getByName("192.0.2.1"), 443));
        ByteBuffer expected = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder())
                .putShort((short) 2).put(new byte[] {1, (byte) 0xbb, (byte) 192, 0, 2, 1});
        assertArrayEquals(expected.array(), encoded);
    }

    @Test
    void sockaddrIn6IsTwentyEightBytes() throws Exception {
        byte[] encoded = SocketAddresses.encode(new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 80));
        assertEquals(28, encoded.length);
        assertEquals(new InetSocketAddress(InetAddress.getByName("2001:db8::1"), 80),
                SocketAddresses.decode(encoded, 0, encoded.length));
    }

    @Test
    void aScopedAddressKeepsItsScope() throws Exception {
        InetSocketAddress scoped = new InetSocketAddress(
                Inet6Address.getByAddress(null, InetAddress.getByName("fe80::1").getAddress(), 2), 8080);
        byte[] encoded = SocketAddresses.encode(scoped);
        InetSocketAddress decoded = SocketAddresses.decode(encoded, 0, encoded.length);
        assertEquals(scoped, decoded);
        assertEquals(2, ((Inet6Address) decoded.getAddress()).getScopeId());
    }

    @Test
    void decodesAtAnOffsetWithinALargerBuffer() throws Exception {
        byte[] buffer = new byte[256];
        byte[] encoded = SocketAddresses.encode(new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 65535));
        System.arraycopy(encoded, 0, buffer, 128, encoded.length);
        assertEquals(new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 65535),
                SocketAddresses.decode(buffer, 128, 128));
    }

    @Test
    void anotherFamilyIsRejected() {
        byte[] unix = ByteBuffer.allocate(110).order(ByteOrder.nativeOrder()).putShort((short) 1).array();
        UnknownHostException e = assertThrows(UnknownHostException.class,
                () -> SocketAddresses.decode(unix, 0, unix.length));
        assertEquals("not an IPv4 or IPv6 socket address: family 1, 110 bytes", e.getMessage());
    }

    @Test
    void formatsAsPeopleWriteAddresses() throws Exception {
        assertEquals("192.0.2.1:80", SocketAddresses.format(new InetSocketAddress(
                InetAddress.getByName("192.0.2.1"), 80)));
        assertEquals("[2001:db8:0:0:0:0:0:1]:80", SocketAddresses.format(new InetSocketAddress(
                InetAddress.getByName("2001:db8::1"), 80)));
    }
}
