package org.socketintents.resolver.internal;

import java.net.InetAddress;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.socketintents.api.net.AddressFamily;
import org.socketintents.api.net.InterfaceMonitor;
import org.socketintents.api.resolver.CacheEntry;
import org.socketintents.api.resolver.InterfaceAnswer;
import org.socketintents.api.resolver.MultiInterfaceResolver;
import org.socketintents.api.resolver.Resolution;

/**
 * The {@code mam:resolve} console command: resolves a name over the current interfaces, waiting for all of them, and
 * shows each interface's answer and latency and what the cache then holds for the name.
 */
@Component(service = ResolveCommand.class, property = {
    "osgi.command.scope=mam",
    "osgi.command.function=resolve"
})
public final class ResolveCommand {

    private final MultiInterfaceResolver resolver;
    private final InterfaceMonitor monitor;

    @Activate
    public ResolveCommand(@Reference MultiInterfaceResolver resolver, @Reference InterfaceMonitor monitor) {
        this.resolver = resolver;
        this.monitor = monitor;
    }

    /**
     * @param host a host name
     * @return the per-interface answers, latencies and the cache state, for A and AAAA records
     */
    public String resolve(String host) {
        return resolve(host, "any");
    }

    /**
     * @param host   a host name
     * @param family {@code any}, {@code inet} (A records only) or {@code inet6} (AAAA only)
     * @return the per-interface answers, latencies and the cache state
     */
    public String resolve(String host, String family) {
        AddressFamily wanted = family(family);
        Resolution resolution = resolver.resolve(host, wanted, monitor.interfaces());
        return format(resolution, resolver.cached(host));
    }

    static String format(Resolution resolution, List<CacheEntry> cached) {
        StringBuilder out = new StringBuilder();
        out.append(resolution.host()).append(' ').append(resolution.family()).append(": ")
                .append(resolution.completion()).append(" after ").append(resolution.elapsed().toMillis())
                .append(" ms\n");
        for (InterfaceAnswer answer : resolution.answers()) {
            out.append(String.format("  %-12s %-12s %6d ms  %s%n", answer.interfaceName(), answer.outcome(),
                    answer.latency().toMillis(), details(answer)));
        }
        resolution.pending().forEach(name -> out.append(String.format("  %-12s %-12s%n", name, "PENDING")));
        resolution.skipped().forEach((name, reason) ->
                out.append(String.format("  %-12s %-12s %s%n", name, "NOT ASKED", reason)));
        if (resolution.answers().isEmpty() && resolution.pending().isEmpty() && resolution.skipped().isEmpty()) {
            out.append("  no interface is up and enabled for destinations\n");
        }
        out.append("cache\n");
        for (CacheEntry entry : cached) {
            out.append(String.format("  %-12s %-24s %-4s %-12s %6d s left%s%n", entry.interfaceName(), entry.name(),
                    entry.family() == AddressFamily.INET ? "A" : "AAAA", entry.outcome(),
                    entry.remainingTtl().toSeconds(), addresses(entry.addresses())));
        }
        if (cached.isEmpty()) {
            out.append("  nothing cached for this name\n");
        }
        return out.toString().stripTrailing();
    }

    private static String details(InterfaceAnswer answer) {
        StringBuilder s = new StringBuilder();
        s.append(answer.fromCache() ? "cache" : answer.server() == null ? "-" : answer.server().getHostAddress());
        if (answer.outcome() != InterfaceAnswer.Outcome.FAILED) {
            s.append("  ttl ").append(answer.ttl().toSeconds()).append(" s");
        }
        s.append(addresses(answer.addresses()));
        if (answer.canonicalName() != null) {
            s.append("  (").append(answer.canonicalName()).append(')');
        }
        if (answer.error() != null) {
            s.append("  ").append(answer.error());
        }
        return s.toString();
    }

    private static String addresses(List<InetAddress> addresses) {
        return addresses.isEmpty() ? ""
                : addresses.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(" ", "  ", ""));
    }

    private static AddressFamily family(String text) {
        switch (text.toLowerCase(Locale.ROOT)) {
            case "any":
                return AddressFamily.ANY;
            case "inet":
            case "4":
                return AddressFamily.INET;
            case "inet6":
            case "6":
                return AddressFamily.INET6;
            default:
                throw new IllegalArgumentException("not an address family: '" + text + "'; one of any, inet, inet6");
        }
    }
}
