package org.socketintents.nativemptcp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;

/**
 * {@code struct sctp_prim} as linux/sctp.h lays it out (packed, 132 bytes): s32 association id, then a 128-byte
 * sockaddr_storage. This kernel has no SCTP, so the encoding is all that can be checked here.
 */
class SctpPrimaryPathTest {

    @Test
    void anIpv4PrimaryPath() throws Exception {
        byte[] encoded = SctpPrimaryPath.encode(new InetSocketAddress(InetAddress.getByName("192.0.2.7"), 5000));

        ByteBuffer expected = ByteBuffer.allocate(132).order(ByteOrder.nativeOrder());
        expected.putInt(0);                                  // ssp_assoc_id
        expected.putShort((short) 2);                        // sin_family AF_INET, host order
        expected.put(new byte[] {0x13, (byte) 0x88});        // sin_port 5000, network order
        expected.put(new byte[] {(byte) 192, 0, 2, 7});      // sin_addr
        assertEquals(132, encoded.length);
        assertArrayEquals(expected.array(), encoded);
    }

    @Test
    void anIpv6PrimaryPathWithScope() throws Exception {
        byte[] address = InetAddress.getByName("fe80::1").getAddress();
        byte[] encoded = SctpPrimaryPath.encode(new InetSocketAddress(Inet6Address.getByAddress(null, address, 3),
                9899));

        ByteBuffer expected = ByteBuffer.allocate(132).order(ByteOrder.nativeOrder());
        expected.putInt(0);                                  // ssp_assoc_id
        expected.putShort((short) 10);                       // sin6_family AF_INET6, host order
        expected.put(new byte[] {0x26, (byte) 0xab});        // sin6_port 9899, network order
        expected.putInt(0);                                  // sin6_flowinfo
        expected.put(address);                               // sin6_addr
        expected.putInt(3);                                  // sin6_scope_id, host order
        assertArrayEquals(expected.array(), encoded);
    }

    @Test
    void theFirstTwelveBytesSpelledOut() throws Exception {
        byte[] encoded = SctpPrimaryPath.encode(new InetSocketAddress(InetAddress.getByName("192.0.2.7"), 5000));
        byte[] head = new byte[12];
        System.arraycopy(encoded, 0, head, 0, head.length);
        byte[] family = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? new byte[] {2, 0} : new byte[] {0, 2};
        assertArrayEquals(new byte[] {0, 0, 0, 0, family[0], family[1], 0x13, (byte) 0x88, (byte) 192, 0, 2, 7},
                head);
    }
}
