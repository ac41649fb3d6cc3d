package org.socketintents.resolver.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.InterfacePrefix;
import org.socketintents.api.net.Interfaces;

/**
 * Decides which interfaces resolve and through which servers.
 *
 * <p>An interface resolves when it is up and enabled for destinations. Its servers are those of its {@code dns} key;
 * without one, the resolv.conf servers reachable via it: a server is reachable via an interface when its most
 * specific route (the interfaces' own prefixes count as routes) leaves through that interface. Several equally
 * specific routes, typically one default route per uplink, make the server reachable via each of them. Loopback and
 * wildcard server addresses (a local caching daemon such as systemd-resolved's 127.0.0.53) are never chosen this way:
 * the daemon picks the uplink itself, so its answers say nothing about an interface. An interface with only loopback
 * addresses and no {@code dns} key is not asked at all.
 */
final class ServerSelection {

    private final RouteTable routeTable;

    ServerSelection(RouteTable routeTable) {
        this.routeTable = routeTable;
    }

    /**
     * @param interfaces the interfaces
     * @param resolvConf the host's resolv.conf, for interfaces without a {@code dns} key
     * @param port       the servers' port
     * @return the interfaces to ask, and those that cannot be asked with the reason
     */
    Plan plan(Interfaces interfaces, ResolvConf resolvConf, int port) {
        List<Upstream> upstreams = new ArrayList<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        Reachability reachability = null;
        for (InterfaceDescription candidate : interfaces.all()) {
            if (!candidate.isUp() || !candidate.isDestinationEnabled()
                    || candidate.dnsServers().isEmpty() && isLoopbackOnly(candidate)) {
                continue;
            }
            List<InetAddress> servers = candidate.dnsServers();
            if (servers.isEmpty()) {
                if (reachability == null) {
                    reachability = new Reachability(interfaces, routeTable.routes());
                }
                servers = reachability.via(candidate.name(), resolvConf.servers());
            }
            if (servers.isEmpty()) {
                skipped.put(candidate.name(), "no DNS server: no dns key, and none of the resolv.conf servers "
                        + show(resolvConf.servers()) + " is reachable via it");
                continue;
            }
            List<ServerPath> paths = new ArrayList<>();
            for (InetAddress server : servers) {
                sourceFor(candidate, server).ifPresent(source ->
                        paths.add(new ServerPath(new InetSocketAddress(server, port), source)));
            }
            if (paths.isEmpty()) {
                skipped.put(candidate.name(), "no source address of the family of its DNS servers " + show(servers));
            } else {
                upstreams.add(new Upstream(candidate.name(), paths));
            }
        }
        return new Plan(upstreams, skipped);
    }

    private static boolean isLoopbackOnly(InterfaceDescription description) {
        return description.prefixes().stream().allMatch(prefix -> prefix.address().isLoopbackAddress());
    }

    private static Optional<InetAddress> sourceFor(InterfaceDescription description, InetAddress server) {
        return description.sourceAddress(server instanceof Inet4Address ? Inet4Address.class : Inet6Address.class);
    }

    private static String show(List<InetAddress> servers) {
        return servers.stream().map(InetAddress::getHostAddress).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Which interfaces the most specific routes to each server leave through. */
    private static final class Reachability {
        private final List<Route> routes = new ArrayList<>();

        Reachability(Interfaces interfaces, List<Route> table) {
            routes.addAll(table);
            for (InterfaceDescription description : interfaces.all()) {
                if (description.isUp()) {
                    for (InterfacePrefix prefix : description.prefixes()) {
                        routes.add(new Route(prefix.address(), prefix.prefixLength(), description.name()));
                    }
                }
            }
        }

        List<InetAddress> via(String interfaceName, List<InetAddress> servers) {
            List<InetAddress> reachable = new ArrayList<>();
            for (InetAddress server : servers) {
                if (!server.isLoopbackAddress() && !server.isAnyLocalAddress() && leavesVia(interfaceName, server)) {
                    reachable.add(server);
                }
            }
            return reachable;
        }

        private boolean leavesVia(String interfaceName, InetAddress server) {
            int longest = -1;
            boolean viaInterface = false;
            for (Route route : routes) {
                if (!route.covers(server) || route.prefixLength() < longest) {
                    continue;
                }
                boolean ours = route.interfaceName().equals(interfaceName);
                viaInterface = route.prefixLength() > longest ? ours : viaInterface || ours;
                longest = route.prefixLength();
            }
            return viaInterface;
        }
    }

    /**
     * @param upstreams the interfaces to ask, in the snapshot's order
     * @param skipped   interfaces that could resolve but cannot be asked, with the reason
     */
    record Plan(List<Upstream> upstreams, Map<String, String> skipped) {

        Plan {
            upstreams = List.copyOf(upstreams);
            skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
        }
    }
}
