package org.socketintents.resolver.internal;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A tiny authoritative DNS server for tests: one zone, UDP and TCP on one address and port, and faults a test can
 * switch on (no answer, garbage, a wrong id or question, SERVFAIL, truncation, records for other names, delays).
 * It records every query it receives. Runnable as a main class, to serve inside a network namespace.
 */
final class FakeDnsServer implements AutoCloseable {

    /** How the server misbehaves. */
    enum Fault {
        NONE,
        /** Never answers. */
        DROP,
        /** Answers a header that announces a question and then breaks off. */
        GARBAGE,
        /** Answers with the query's id plus one. */
        WRONG_ID,
        /** Answers a different question, with an address for it. */
        WRONG_QUESTION,
        /** Answers SERVFAIL. */
        SERVFAIL,
        /** Over UDP, answers with the TC flag and no records; over TCP, answers properly. */
        TRUNCATE,
        /** Answers with the QR flag clear. */
        NOT_A_RESPONSE,
        /** Answers properly, plus an address for {@code victim.test.} in the answer and additional sections. */
        EXTRA_RECORDS
    }

    /** A query the server received. */
    record Query(InetAddress source, boolean tcp, Name name, int type) {
    }

    static final Name ZONE = name("test.");
    static final Name VICTIM = name("victim.test.");

    private final DatagramSocket udp;
    private final ServerSocket tcp;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final Map<Name, List<Record>> records = new LinkedHashMap<>();
    private final List<Query> queries = new CopyOnWriteArrayList<>();
    private final AtomicInteger faultyLeft = new AtomicInteger();
    private volatile Fault fault = Fault.NONE;
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean followCnames = true;
    private volatile SOARecord soa;

    private FakeDnsServer(InetAddress address, int port) throws IOException {
        udp = new DatagramSocket(new InetSocketAddress(address, port));
        tcp = new ServerSocket();
        tcp.setReuseAddress(true);
        tcp.bind(new InetSocketAddress(address, udp.getLocalPort()));
        soa(3600, 300);
        start("udp", this::serveUdp);
        start("tcp", this::acceptTcp);
    }

    /**
     * @param address the address to listen on, e.g. {@code 127.0.0.53}
     * @param port    the port; 0 for any free one
     */
    static FakeDnsServer start(String address, int port) throws IOException {
        return new FakeDnsServer(InetAddress.getByName(address), port);
    }

    int port() {
        return udp.getLocalPort();
    }

    /** Adds a record, e.g. {@code add("www.test.", "A", 300, "192.0.2.1")}. */
    FakeDnsServer add(String owner, String type, long ttl, String data) {
        try {
            Record record = Record.fromString(name(owner), Type.value(type), DClass.IN, ttl, data, ZONE);
            synchronized (records) {
                records.computeIfAbsent(record.getName(), n -> new ArrayList<>()).add(record);
            }
            return this;
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Sets the zone's SOA, sent with negative answers: its own TTL and its MINIMUM field. */
    FakeDnsServer soa(long ttl, long minimum) {
        soa = new SOARecord(ZONE, DClass.IN, ttl, name("ns.test."), name("admin.test."), 1, 3600, 600, 86400,
                minimum);
        return this;
    }

    /** Sends negative answers without an SOA, which RFC 2308 says must not be cached. */
    FakeDnsServer withoutSoa() {
        soa = null;
        return this;
    }

    /** Misbehaves on every query from now on. */
    FakeDnsServer fault(Fault chosen) {
        return faultFirst(Integer.MAX_VALUE, chosen);
    }

    /** Misbehaves on the next {@code count} queries, then answers properly. */
    FakeDnsServer faultFirst(int count, Fault chosen) {
        fault = chosen;
        faultyLeft.set(count);
        return this;
    }

    FakeDnsServer delay(Duration answerDelay) {
        delay = answerDelay;
        return this;
    }

    /** Whether answers include the records a CNAME points to, as a recursive server's do. */
    FakeDnsServer followCnames(boolean follow) {
        followCnames = follow;
        return this;
    }

    List<Query> queries() {
        return List.copyOf(queries);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        udp.close();
        try {
            tcp.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private void start(String kind, Runnable loop) {
        Thread thread = new Thread(loop, "fake-dns-" + kind + "-" + udp.getLocalAddress().getHostAddress());
        thread.setDaemon(true);
        thread.start();
    }

    private void serveUdp() {
        byte[] buffer = new byte[65535];
        while (!udp.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                udp.receive(packet);
            } catch (IOException e) {
                return;
            }
            byte[] request = Arrays.copyOf(packet.getData(), packet.getLength());
            InetSocketAddress client = (InetSocketAddress) packet.getSocketAddress();
            byte[] reply = respond(request, client.getAddress(), false);
            if (reply != null) {
                later(() -> udp.send(new DatagramPacket(reply, reply.length, client)));
            }
        }
    }

    private void acceptTcp() {
        while (!tcp.isClosed()) {
            try {
                Socket connection = tcp.accept();
                start("tcp-connection", () -> serveTcp(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serveTcp(Socket connection) {
        try (connection) {
            DataInputStream in = new DataInputStream(connection.getInputStream());
            DataOutputStream out = new DataOutputStream(connection.getOutputStream());
            while (true) {
                byte[] request = new byte[in.readUnsignedShort()];
                in.readFully(request);
                byte[] reply = respond(request, connection.getInetAddress(), true);
                if (reply != null) {
                    synchronized (out) {
                        out.writeShort(reply.length);
                        out.write(reply);
                        out.flush();
                    }
                }
            }
        } catch (IOException e) {
            // the client closed the connection, or the server is closing
        }
    }

    private interface Send {
        void run() throws IOException;
    }

    private void later(Send send) {
        Runnable task = () -> {
            try {
                send.run();
            } catch (IOException e) {
                // the socket was closed: the test is over
            }
        };
        if (delay.isZero()) {
            task.run();
        } else {
            scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    private byte[] respond(byte[] request, InetAddress source, boolean overTcp) {
        Message query;
        try {
            query = new Message(request);
        } catch (IOException e) {
            return null;
        }
        Record question = query.getQuestion();
        queries.add(new Query(source, overTcp, question.getName(), question.getType()));
        Fault now = faultyLeft.getAndDecrement() > 0 ? fault : Fault.NONE;
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        response.addRecord(question, Section.QUESTION);
        switch (now) {
            case DROP:
                return null;
            case GARBAGE:
                int id = query.getHeader().getID();
                return new byte[] {(byte) (id >> 8), (byte) id, (byte) 0x84, 0, 0, 1, 0, 1, 0, 0, 0, 0, 63, 'x'};
            case WRONG_ID:
                response.getHeader().setID((query.getHeader().getID() + 1) & 0xFFFF);
                answer(question, response);
                break;
            case WRONG_QUESTION:
                Message other = new Message(query.getHeader().getID());
                other.getHeader().setFlag(Flags.QR);
                other.addRecord(Record.newRecord(VICTIM, question.getType(), DClass.IN), Section.QUESTION);
                other.addRecord(victim(), Section.ANSWER);
                return other.toWire();
            case SERVFAIL:
                response.getHeader().setRcode(Rcode.SERVFAIL);
                break;
            case TRUNCATE:
                if (overTcp) {
                    answer(question, response);
                } else {
                    response.getHeader().setFlag(Flags.TC);
                }
                break;
            case NOT_A_RESPONSE:
                response.getHeader().unsetFlag(Flags.QR);
                answer(question, response);
                break;
            case EXTRA_RECORDS:
                answer(question, response);
                response.addRecord(victim(), Section.ANSWER);
                response.addRecord(victim(), Section.ADDITIONAL);
                break;
            default:
                answer(question, response);
                break;
        }
        return response.toWire();
    }

    private static Record victim() {
        try {
            return new ARecord(VICTIM, DClass.IN, 86400, InetAddress.getByName("203.0.113.66"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void answer(Record question, Message response) {
        Name current = question.getName();
        for (int hop = 0; hop < 16; hop++) {
            List<Record> here;
            synchronized (records) {
                here = List.copyOf(records.getOrDefault(current, List.of()));
            }
            List<Record> wanted = here.stream().filter(r -> r.getType() == question.getType()).toList();
            if (!wanted.isEmpty()) {
                wanted.forEach(r -> response.addRecord(r, Section.ANSWER));
                return;
            }
            CNAMERecord alias = (CNAMERecord) here.stream().filter(r -> r.getType() == Type.CNAME).findFirst()
                    .orElse(null);
            if (alias == null) {
                negative(response, here.isEmpty() ? Rcode.NXDOMAIN : Rcode.NOERROR);
                return;
            }
            response.addRecord(alias, Section.ANSWER);
            current = alias.getTarget();
            if (!followCnames) {
                return;
            }
        }
    }

    private void negative(Message response, int rcode) {
        response.getHeader().setRcode(rcode);
        SOARecord zoneSoa = soa;
        if (zoneSoa != null) {
            response.addRecord(zoneSoa, Section.AUTHORITY);
        }
    }

    static Name name(String text) {
        try {
            return Name.fromString(text);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Serves until killed: {@code address port delay-ms record...}, each record as {@code name,type,ttl,data}.
     * Prints {@code ready} once it listens.
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        try (FakeDnsServer server = start(args[0], Integer.parseInt(args[1]))) {
            server.delay(Duration.ofMillis(Long.parseLong(args[2])));
            for (int i = 3; i < args.length; i++) {
                String[] parts = args[i].split(",", 4);
                server.add(parts[0], parts[1], Long.parseLong(parts[2]), parts[3]);
            }
            System.out.println("ready");
            System.out.flush();
            Thread.currentThread().join();
        }
    }
}
