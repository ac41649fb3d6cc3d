package org.socketintents.lab.servers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A minimal DNS client: one A query over UDP, the A records of the answer. Enough to check the lab's DNS. */
public final class DnsProbe {

    private static final int TYPE_A = 1;
    private static final int CLASS_IN = 1;
    private static final int TIMEOUT_MILLIS = 1_000;
    private static final int QUERY_ID = 0x51AB;

    private DnsProbe() {
    }

    /** Sends the query from {@code socket} (already bound where it should leave) to the server, port 53. */
    public static List<String> resolve(DatagramSocket socket, String server, String name) throws IOException {
        byte[] query = query(name);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        socket.send(new DatagramPacket(query, query.length, new InetSocketAddress(InetAddress.getByName(server), 53)));
        byte[] buffer = new byte[1500];
        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
        socket.receive(reply);
        return answers(ByteBuffer.wrap(buffer, 0, reply.getLength()));
    }

    static byte[] query(String name) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(12);
        header.putShort((short) QUERY_ID).putShort((short) 0x0100).putShort((short) 1);
        out.writeBytes(header.array());
        for (String label : name.split("\\.")) {
            byte[] bytes = label.getBytes(StandardCharsets.US_ASCII);
            out.write(bytes.length);
            out.writeBytes(bytes);
        }
        out.write(0);
        out.writeBytes(ByteBuffer.allocate(4).putShort((short) TYPE_A).putShort((short) CLASS_IN).array());
        return out.toByteArray();
    }

    static List<String> answers(ByteBuffer reply) throws IOException {
        try {
            if ((reply.getShort(0) & 0xFFFF) != QUERY_ID) {
                throw new IOException("DNS reply to another query");
            }
            int rcode = reply.get(3) & 0x0F;
            if (rcode != 0) {
                throw new IOException("DNS error, rcode " + rcode);
            }
            int questions = reply.getShort(4) & 0xFFFF;
            int answers = reply.getShort(6) & 0xFFFF;
            reply.position(12);
            for (int i = 0; i < questions; i++) {
                skipName(reply);
                reply.position(reply.position() + 4);
            }
            List<String> addresses = new ArrayList<>();
            for (int i = 0; i < answers; i++) {
                skipName(reply);
                int type = reply.getShort() & 0xFFFF;
                reply.position(reply.position() + 6);
                int length = reply.getShort() & 0xFFFF;
                byte[] data = new byte[length];
                reply.get(data);
                if (type == TYPE_A && length == 4) {
                    addresses.add(InetAddress.getByAddress(data).getHostAddress());
                }
            }
            return addresses;
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IOException("malformed DNS reply", e);
        }
    }

    private static void skipName(ByteBuffer buffer) {
        while (true) {
            int length = buffer.get() & 0xFF;
            if (length == 0) {
                return;
            }
            if ((length & 0xC0) == 0xC0) {
                buffer.get();
                return;
            }
            buffer.position(buffer.position() + length);
        }
    }
}
