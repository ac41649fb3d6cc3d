package org.socketintents.lab.os;

/**
 * One established TCP connection as seen from one end, with the figures of its tcp_info the lab reads.
 *
 * @param local             local address and port, e.g. "10.200.2.2:44117"
 * @param peer              the other end's address and port
 * @param congestionControl the algorithm the connection runs, e.g. "cubic"
 * @param bytesReceived     payload bytes received in order so far (tcpi_bytes_received)
 * @param mptcpToken        for a subflow of an MPTCP connection, the token that every subflow of that connection
 *                          shows (the peer's); empty for plain TCP
 */
public record TcpConnection(String local, String peer, String congestionControl, long bytesReceived,
        String mptcpToken) {

    /** A plain TCP connection. */
    public TcpConnection(String local, String peer, String congestionControl, long bytesReceived) {
        this(local, peer, congestionControl, bytesReceived, "");
    }

    /** The local address without the port. */
    public String localAddress() {
        return local.substring(0, local.lastIndexOf(':'));
    }

    public int localPort() {
        return Integer.parseInt(local.substring(local.lastIndexOf(':') + 1));
    }

    public int peerPort() {
        return Integer.parseInt(peer.substring(peer.lastIndexOf(':') + 1));
    }

    /** Whether both are the same connection (same ends), whatever their counters say. */
    public boolean sameAs(TcpConnection other) {
        return local.equals(other.local) && peer.equals(other.peer);
    }
}
