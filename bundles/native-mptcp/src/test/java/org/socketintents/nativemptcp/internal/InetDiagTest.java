package org.socketintents.nativemptcp.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.socketintents.api.transport.TcpConnectionInfo;

/** The netlink request's bytes, and replies built by hand as the kernel lays them out. */
class InetDiagTest {

    private static final int SEQUENCE = 7;
    private static final String STEP = "dump";

    @Test
    void theRequestAsksForTheTcpConnectionsOfTheFamilyWithTcpInfo() {
        ByteBuffer b = ByteBuffer.wrap(InetDiagRequest.encode(LibC.AF_INET6, SEQUENCE)).order(ByteOrder.nativeOrder());
        assertEquals(72, b.limit());
        assertEquals(72, b.getInt(0));                     // nlmsg_len
        assertEquals(20, b.getShort(4));                   // SOCK_DIAG_BY_FAMILY
        assertEquals(0x301, b.getShort(6));                // NLM_F_REQUEST | NLM_F_DUMP
        assertEquals(SEQUENCE, b.getInt(8));
        assertEquals(0, b.getInt(12));                     // to the kernel
        assertEquals(10, b.get(16));                       // AF_INET6
        assertEquals(6, b.get(17));                        // IPPROTO_TCP
        assertEquals(2, b.get(18));                        // 1 << (INET_DIAG_INFO - 1)
        // ESTABLISHED to FIN_WAIT2, CLOSE to LAST_ACK, CLOSING: not TIME_WAIT (6), LISTEN (10), NEW_SYN_RECV (12)
        assertEquals(0b1011_1011_1110, b.getInt(20));
        assertArrayEquals(new byte[48], Arrays.copyOfRange(b.array(), 24, 72));
    }

    @Test
    void aMessageWithTcpInfoAndTheMptcpUlpBecomesAConnection() throws Exception {
        ByteBuffer tcpInfo = ByteBuffer.allocate(104).order(ByteOrder.nativeOrder());
        tcpInfo.put(0, (byte) 1).putInt(68, 250).putInt(72, 40).putInt(100, 3);
        ByteBuffer datagram = datagram(
                diagMessage(LibC.AF_INET, 1, "10.0.0.1", 40000, "10.0.0.2", 443,
                        attribute(2, tcpInfo.array()), attribute(19 | 0x8000, attribute(1, name("mptcp")))),
                done(0));

        List<TcpConnectionInfo> found = new ArrayList<>();
        assertTrue(InetDiagReplies.read(datagram, SEQUENCE, STEP, found));

        TcpConnectionInfo c = found.get(0);
        assertEquals(new InetSocketAddress(InetAddress.getByName("10.0.0.1"), 40000), c.local());
        assertEquals(new InetSocketAddress(InetAddress.getByName("10.0.0.2"), 443), c.remote());
        assertEquals(1, c.state());
        assertEquals(250, c.rttMicros());
        assertEquals(40, c.rttVarMicros());
        assertEquals(3, c.totalRetransmits());
        assertEquals(0, c.minRttMicros(), "beyond the 104 bytes reported");
        assertTrue(c.mptcp());
        assertEquals(1, found.size());
    }

    @Test
    void aMessageWithoutAttributesHasZeroFiguresAndIsNotMptcp() throws Exception {
        ByteBuffer datagram = datagram(diagMessage(LibC.AF_INET6, 6, "2001:db8::1", 80, "2001:db8::2", 50000));
        List<TcpConnectionInfo> found = new ArrayList<>();
        assertFalse(InetDiagReplies.read(datagram, SEQUENCE, STEP, found), "no NLMSG_DONE yet");

        TcpConnectionInfo c = found.get(0);
        assertEquals(InetAddress.getByName("2001:db8::1"), c.local().getAddress());
        assertEquals(6, c.state());
        assertEquals(0, c.rttMicros());
        assertFalse(c.mptcp());
    }

    @Test
    void messagesOfAnotherRequestAreIgnored() throws Exception {
        ByteBuffer stray = datagram(diagMessage(LibC.AF_INET, 1, "10.0.0.1", 1, "10.0.0.2", 2));
        stray.putInt(8, SEQUENCE + 1);
        List<TcpConnectionInfo> found = new ArrayList<>();
        assertFalse(InetDiagReplies.read(stray, SEQUENCE, STEP, found));
        assertEquals(List.of(), found);
    }

    @Test
    void aNetlinkErrorBecomesAnExceptionWithTheKernelsText() {
        ByteBuffer datagram = datagram(message(2, ByteBuffer.allocate(20).order(ByteOrder.nativeOrder())
                .putInt(-Errno.EPERM).array()));
        SocketException e = assertThrows(SocketException.class,
                () -> InetDiagReplies.read(datagram, SEQUENCE, STEP, new ArrayList<>()));
        assertEquals("dump: Operation not permitted (EPERM)", e.getMessage());
    }

    @Test
    void aFailedDumpEndsWithAnError() {
        ByteBuffer datagram = datagram(done(-Errno.ENOENT));
        SocketException e = assertThrows(SocketException.class,
                () -> InetDiagReplies.read(datagram, SEQUENCE, STEP, new ArrayList<>()));
        assertEquals("dump: No such file or directory (ENOENT)", e.getMessage());
    }

    @Test
    void aLengthBeyondTheDatagramIsMalformed() {
        ByteBuffer datagram = datagram(done(0));
        datagram.putInt(0, 400);
        SocketException e = assertThrows(SocketException.class,
                () -> InetDiagReplies.read(datagram, SEQUENCE, STEP, new ArrayList<>()));
        assertEquals("dump: malformed netlink message of 400 bytes", e.getMessage());
    }

    private static byte[] diagMessage(int family, int state, String source, int sourcePort, String destination,
                                      int destinationPort, byte[]... attributes) throws Exception {
        ByteBuffer b = ByteBuffer.allocate(72 + total(attributes)).order(ByteOrder.nativeOrder());
        b.put((byte) family).put((byte) state).put((byte) 0).put((byte) 0);
        b.put((byte) (sourcePort >>> 8)).put((byte) sourcePort);
        b.put((byte) (destinationPort >>> 8)).put((byte) destinationPort);
        b.put(8, InetAddress.getByName(source).getAddress());
        b.put(24, InetAddress.getByName(destination).getAddress());
        b.position(72);
        for (byte[] attribute : attributes) {
            b.put(attribute);
        }
        return message(20, b.array());
    }

    private static byte[] done(int error) {
        return message(3, ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(error).array());
    }

    private static byte[] message(int type, byte[] payload) {
        return ByteBuffer.allocate(16 + payload.length).order(ByteOrder.nativeOrder())
                .putInt(16 + payload.length).putShort((short) type).putShort((short) 2).putInt(SEQUENCE).putInt(0)
                .put(payload).array();
    }

    private static byte[] attribute(int type, byte[] value) {
        int padded = (value.length + 3) & -4;
        return ByteBuffer.allocate(4 + padded).order(ByteOrder.nativeOrder())
                .putShort((short) (4 + value.length)).putShort((short) type).put(value).array();
    }

    private static byte[] name(String ulp) {
        return (ulp + '\0').getBytes(StandardCharsets.US_ASCII);
    }

    private static ByteBuffer datagram(byte[]... messages) {
        ByteBuffer b = ByteBuffer.allocate(total(messages)).order(ByteOrder.nativeOrder());
        for (byte[] message : messages) {
            b.put(message);
        }
        return b.flip();
    }

    private static int total(byte[]... parts) {
        int sum = 0;
        for (byte[] part : parts) {
            sum += part.length;
        }
        return sum;
    }
}
