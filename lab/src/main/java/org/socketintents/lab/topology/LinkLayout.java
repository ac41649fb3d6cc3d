package org.socketintents.lab.topology;

/**
 * Where one link lives: link number k gets subnet 10.200.k.0/24 (server .1, client .2), routing table 100+k and a
 * rule "from client address" at priority 1000+k in the client namespace.
 */
public record LinkLayout(Link link, int number) {

    public static final int PREFIX_LENGTH = 24;

    public String clientDevice() {
        return link.name();
    }

    public String serverDevice() {
        return "srv-" + link.name();
    }

    public String clientAddress() {
        return "10.200." + number + ".2";
    }

    public String serverAddress() {
        return "10.200." + number + ".1";
    }

    public String subnet() {
        return "10.200." + number + ".0/" + PREFIX_LENGTH;
    }

    public int routingTable() {
        return 100 + number;
    }

    public int rulePriority() {
        return 1000 + number;
    }
}
