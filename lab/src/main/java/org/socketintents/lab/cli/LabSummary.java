package org.socketintents.lab.cli;

import java.util.Locale;

import org.socketintents.lab.topology.Direction;
import org.socketintents.lab.topology.Layout;
import org.socketintents.lab.topology.LinkLayout;
import org.socketintents.lab.topology.Pipe;

/** The human-readable picture of a lab: namespaces, and per link its devices, addresses and pipes. */
final class LabSummary {

    private LabSummary() {
    }

    static String describe(Layout layout) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "client namespace %s, server namespace %s, hosts %s%n",
                layout.clientNamespace(), layout.serverNamespace(), layout.description().hosts()));
        for (LinkLayout link : layout.links()) {
            out.append(String.format(Locale.ROOT, "  %-6s client %s %s  server %s %s  table %d%n",
                    link.link().name(), link.clientDevice(), link.clientAddress(), link.serverDevice(),
                    link.serverAddress(), link.routingTable()));
            for (Direction direction : Direction.values()) {
                Pipe pipe = link.link().pipe(direction);
                out.append(String.format(Locale.ROOT, "         %-4s %s%n", direction.label(), pipe));
            }
        }
        return out.toString();
    }
}
