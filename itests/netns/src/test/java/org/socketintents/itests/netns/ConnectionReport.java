package org.socketintents.itests.netns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a client program learnt from one connection to the {@link PeerAddressServer}: the local address its
 * socket had and the address the server saw. Client programs print it as one line; the test parses it back.
 */
record ConnectionReport(InetAddress local, InetAddress seenByServer) {

    private static final Pattern LINE = Pattern.compile("^CONNECTED local=(\\S+) seen-by-server=(\\S+)$");

    /** Reads the server's answer from a connected socket. */
    static ConnectionReport of(Socket connected) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(connected.getInputStream(),
                StandardCharsets.UTF_8));
        String answer = in.readLine();
        if (answer == null) {
            throw new IOException("the server closed the connection without naming the peer address");
        }
        return new ConnectionReport(((InetSocketAddress) connected.getLocalSocketAddress()).getAddress(),
                InetAddress.getByName(answer.strip()));
    }

    /** @return the report among a client program's output lines, if it printed one */
    static Optional<ConnectionReport> find(List<String> lines) {
        for (String line : lines) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                return Optional.of(new ConnectionReport(literal(m.group(1)), literal(m.group(2))));
            }
        }
        return Optional.empty();
    }

    String toLine() {
        return "CONNECTED local=" + local.getHostAddress() + " seen-by-server=" + seenByServer.getHostAddress();
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an address literal: " + address, e);
        }
    }
}
