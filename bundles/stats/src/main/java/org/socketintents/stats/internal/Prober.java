package org.socketintents.stats.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.Interfaces;

/**
 * Measures the RTT of interfaces that carry no traffic, by timing a TCP connect to a configured target from the
 * interface's source address. Runs on its own thread, so that a probe waiting for its timeout delays no sample.
 */
final class Prober {

    private static final Logger LOG = System.getLogger(Prober.class.getName());

    private final ConnectTimer timer;
    private final Consumer<ProbeResult> results;
    private final ProblemLog problems = new ProblemLog(LOG);

    /**
     * @param timer   times the connects
     * @param results where each measurement goes
     */
    Prober(ConnectTimer timer, Consumer<ProbeResult> results) {
        this.timer = timer;
        this.results = results;
    }

    /**
     * Probes each target whose interface needs it, one after the other.
     *
     * @param targets    the configured targets
     * @param interfaces the host's interfaces now
     * @param needsProbe whether an interface (by name) has no traffic to measure its RTT by
     * @param timeout    how long one connect may take
     */
    void probe(List<ProbeTarget> targets, Interfaces interfaces, Predicate<String> needsProbe, Duration timeout) {
        for (ProbeTarget target : targets) {
            String name = target.interfaceName();
            if (!needsProbe.test(name)) {
                continue;
            }
            Optional<InetAddress> source = interfaces.named(name).filter(InterfaceDescription::isUp)
                    .flatMap(description -> description.sourceAddress(familyOf(target.target().getAddress())));
            String key = "probe:" + target;
            if (source.isEmpty()) {
                problems.report(key, "Cannot probe " + target + ": interface " + name + " is unknown, down, or has"
                        + " no address of the target's family");
                continue;
            }
            try {
                long nanos = timer.connectNanos(new InetSocketAddress(source.get(), 0), target.target(), timeout);
                problems.cleared(key, "Probe " + target + " answers again");
                results.accept(new ProbeResult(name, source.get(), nanos));
            } catch (IOException e) {
                problems.report(key, "Probe " + target + " from " + source.get().getHostAddress() + " failed (" + e
                        + "); " + name + "'s RTT comes from its connections or its configuration");
            }
        }
    }

    private static Class<? extends InetAddress> familyOf(InetAddress address) {
        return address instanceof Inet4Address ? Inet4Address.class : Inet6Address.class;
    }
}
