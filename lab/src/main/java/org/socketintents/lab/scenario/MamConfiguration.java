package org.socketintents.lab.scenario;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.socketintents.lab.topology.Layout;
import org.socketintents.lab.topology.Link;
import org.socketintents.lab.topology.LinkLayout;

/**
 * The MAM's configuration directory for one variant: its socket, active policy and the lab's policy budget
 * ({@link DecisionBudget}), one interface file per link with the figures of the description (what the paper's
 * policies are told about the links), and the variant's policy configuration. Pure: file name to content.
 */
public record MamConfiguration(Layout layout, Variant variant, Path socket) {

    public Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("org.socketintents.mam.cfg", "socket.path = " + socket + "\npolicy = " + variant.policy() + "\n"
                + DecisionBudget.LAB.mamSetting());
        for (LinkLayout linkLayout : layout.links()) {
            Link link = linkLayout.link();
            files.put("org.socketintents.netmon.interface-" + link.name() + ".cfg",
                    "name = " + link.name() + "\n"
                    + "bandwidth.down = " + link.down().rate().bitsPerSecond() + "\n"
                    + "bandwidth.up = " + link.up().rate().bitsPerSecond() + "\n"
                    + "rtt = " + millis(link) + "\n"
                    + "dns = " + linkLayout.serverAddress() + "\n");
        }
        variant.policyConfigurations().forEach((pid, values) -> {
            StringBuilder content = new StringBuilder();
            // Sorted, so that a variant's files read the same in every run.
            new TreeMap<>(values).forEach((key, value) -> content.append(key).append(" = ").append(value).append('\n'));
            files.put(pid + ".cfg", content.toString());
        });
        return files;
    }

    private static String millis(Link link) {
        double ms = link.rtt().toNanos() / 1e6;
        return ms == Math.rint(ms) ? Long.toString((long) ms) : String.format(Locale.ROOT, "%.3f", ms);
    }
}
