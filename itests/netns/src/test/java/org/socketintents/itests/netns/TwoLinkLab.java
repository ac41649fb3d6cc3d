package org.socketintents.itests.netns;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A multi-homed client and a server joined by two links, each a veth pair between two network namespaces
 * made for one test run. The server's service address sits on its loopback device, reachable over both links;
 * the client sends by the first link unless policy routing by source address says otherwise:
 *
 * <pre>
 *   client namespace                         server namespace
 *   i1 198.18.1.2/24  ----------------------  s1 198.18.1.1/24
 *   i2 198.18.2.2/24  ----------------------  s2 198.18.2.1/24
 *   from 198.18.1.2 lookup 101 (via i1)       lo 198.18.100.1/32 (service)
 *   from 198.18.2.2 lookup 102 (via i2)
 *   default via i1
 * </pre>
 *
 * The server filters by reverse path strictly: it drops a packet from a link's client address that arrives over
 * the other link. So the client address the server sees names the link the connection came over.
 *
 * <p>All addresses exist only inside the namespaces (198.18.0.0/15 is the benchmarking range); IPv6 is off in
 * both, so that no router or neighbour discovery runs over the links.
 */
final class TwoLinkLab implements AutoCloseable {

    /** One link: the client's device and address, the server's, and the client's routing table for it. */
    record Link(String clientDevice, InetAddress clientAddress, String serverDevice, InetAddress serverAddress,
                int table) {
    }

    static final Link FIRST = new Link("i1", address("198.18.1.2"), "s1", address("198.18.1.1"), 101);
    static final Link SECOND = new Link("i2", address("198.18.2.2"), "s2", address("198.18.2.1"), 102);
    static final InetSocketAddress SERVICE = new InetSocketAddress(address("198.18.100.1"), 7070);

    private static final int LINK_PREFIX_LENGTH = 24;

    private final String client;
    private final String server;
    private final List<String> created = new ArrayList<>();

    private TwoLinkLab(String client, String server) {
        this.client = client;
        this.server = server;
    }

    /**
     * Creates both namespaces and their links.
     *
     * @throws IOException if any step fails; nothing is left behind then
     */
    static TwoLinkLab create() throws IOException {
        String run = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        TwoLinkLab lab = new TwoLinkLab("si-cli-" + run, "si-srv-" + run);
        try {
            lab.addNamespace(lab.client);
            lab.addNamespace(lab.server);
            lab.configure();
            return lab;
        } catch (IOException | RuntimeException e) {
            try {
                lab.close();
            } catch (IOException teardown) {
                e.addSuppressed(teardown);
            }
            throw e;
        }
    }

    /** @return the command, to be run inside the client namespace */
    List<String> inClient(List<String> command) {
        return inNamespace(client, command);
    }

    /** @return the command, to be run inside the server namespace */
    List<String> inServer(List<String> command) {
        return inNamespace(server, command);
    }

    String clientNamespace() {
        return client;
    }

    /**
     * Deletes the link's client device, as unplugging it would; its server end, the other half of the veth pair,
     * goes with it.
     */
    void removeClientDevice(Link link) throws IOException {
        Commands.run(List.of("ip", "-n", client, "link", "delete", link.clientDevice()), null);
    }

    /** Deletes both namespaces, and with them the links; processes still inside must have ended first. */
    @Override
    public void close() throws IOException {
        IOException failure = null;
        while (!created.isEmpty()) {
            try {
                Commands.run(List.of("ip", "netns", "delete", created.remove(created.size() - 1)), null);
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public String toString() {
        return "namespaces " + client + " and " + server;
    }

    private void addNamespace(String namespace) throws IOException {
        Commands.run(List.of("ip", "netns", "add", namespace), null);
        created.add(namespace);
    }

    private void configure() throws IOException {
        for (String namespace : created) {
            Commands.run(inNamespace(namespace, List.of("sysctl", "-q", "-w",
                    "net.ipv6.conf.default.disable_ipv6=1", "net.ipv6.conf.all.disable_ipv6=1")), null);
        }
        Commands.run(inServer(List.of("sysctl", "-q", "-w",
                "net.ipv4.conf.default.rp_filter=1", "net.ipv4.conf.all.rp_filter=1")), null);
        List<String> links = new ArrayList<>(List.of("link set lo up"));
        List<String> serverSide = new ArrayList<>(List.of("link set lo up"));
        List<String> clientSide = new ArrayList<>();
        for (Link link : List.of(FIRST, SECOND)) {
            links.add("link add " + link.clientDevice() + " type veth peer name " + link.serverDevice()
                    + " netns " + server);
            links.add("link set " + link.clientDevice() + " up");
            serverSide.add("link set " + link.serverDevice() + " up");
            serverSide.add("address add " + prefix(link.serverAddress()) + " dev " + link.serverDevice());
            clientSide.add("address add " + prefix(link.clientAddress()) + " dev " + link.clientDevice());
            clientSide.add("route add default via " + link.serverAddress().getHostAddress()
                    + " dev " + link.clientDevice() + " table " + link.table());
            clientSide.add("rule add from " + link.clientAddress().getHostAddress() + " lookup " + link.table());
        }
        serverSide.add("address add " + SERVICE.getAddress().getHostAddress() + "/32 dev lo");
        clientSide.add("route add default via " + FIRST.serverAddress().getHostAddress()
                + " dev " + FIRST.clientDevice());
        batch(client, links);
        batch(server, serverSide);
        batch(client, clientSide);
    }

    private static String prefix(InetAddress address) {
        return address.getHostAddress() + "/" + LINK_PREFIX_LENGTH;
    }

    private static void batch(String namespace, List<String> commands) throws IOException {
        Commands.run(List.of("ip", "-n", namespace, "-batch", "-"), String.join("\n", commands) + "\n");
    }

    private static List<String> inNamespace(String namespace, List<String> command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", namespace));
        full.addAll(command);
        return full;
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
