package org.socketintents.lab.testbed;

import java.util.List;
import java.util.stream.Collectors;

/** The congestion control a live TCP connection over one link ran at each end. */
public record LinkCongestionControl(String link, String client, String server) {

    public boolean runs(String algorithm) {
        return client.equals(algorithm) && server.equals(algorithm);
    }

    /** "cubic on every link, both ends", or per link what each end ran. */
    public static String summary(List<LinkCongestionControl> links) {
        List<String> algorithms = links.stream().flatMap(l -> List.of(l.client, l.server).stream()).distinct()
                .toList();
        if (algorithms.size() == 1) {
            return algorithms.get(0) + " on every link, both ends";
        }
        return links.stream().map(LinkCongestionControl::toString).collect(Collectors.joining("; "));
    }

    @Override
    public String toString() {
        return client.equals(server) ? link + ": " + client : link + ": client " + client + ", server " + server;
    }
}
