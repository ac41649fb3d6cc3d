package org.socketintents.mam.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Locale;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.socketintents.api.Intents;
import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.DecisionRequest;
import org.socketintents.protocol.AddressFamily;
import org.socketintents.protocol.ConnectRequest;
import org.socketintents.protocol.DecisionOutcome;
import org.socketintents.protocol.DecisionReply;
import org.socketintents.protocol.ResolveRequest;

/**
 * The {@code mam:} console commands: interfaces, policy, decide and status. Each returns its answer as text;
 * bad arguments are refused with an {@link IllegalArgumentException} whose message says what is wrong.
 */
@Component(service = MamCommands.class, property = {
    "osgi.command.scope=mam",
    "osgi.command.function=interfaces",
    "osgi.command.function=policy",
    "osgi.command.function=decide",
    "osgi.command.function=status"
})
public final class MamCommands {

    private static final Logger LOG = System.getLogger(MamCommands.class.getName());
    private static final long DRY_RUN_WAIT_SECONDS = 10;
    private static final long SWITCH_WAIT_SECONDS = 10;

    private final DecisionEngine engine;
    private final MamServer server;
    private final ConfigurationAdmin configurationAdmin;

    @Activate
    public MamCommands(@Reference DecisionEngine engine, @Reference MamServer server,
                       @Reference ConfigurationAdmin configurationAdmin) {
        this.engine = engine;
        this.server = server;
        this.configurationAdmin = configurationAdmin;
    }

    /** @return one line per interface: state, flags, addresses and configured figures */
    public String interfaces() {
        StringBuilder out = new StringBuilder();
        for (InterfaceDescription d : engine.interfaces()) {
            out.append(String.format("%-12s %-4s %-11s %s%s%n", d.name(), d.isUp() ? "up" : "down",
                    (d.isSourceEnabled() ? "src" : "-") + "," + (d.isDestinationEnabled() ? "dst" : "-"),
                    d.prefixes(), d.properties().isEmpty() ? "" : " " + d.properties()));
        }
        return out.length() == 0 ? "no interfaces (is the interface monitor running?)" : out.toString().stripTrailing();
    }

    /** @return the available policies, the active one marked with {@code *} */
    public String policy() {
        ActivePolicy active = engine.registry().active();
        StringBuilder out = new StringBuilder();
        for (String name : engine.registry().names().keySet()) {
            out.append(name.equals(active.name()) ? "* " : "  ").append(name).append('\n');
        }
        if (!active.isConfigured()) {
            out.append("configured policy '").append(active.configured()).append("' is not available; '")
                    .append(active.name()).append("' decides until it is\n");
        }
        return out.toString().stripTrailing();
    }

    /**
     * Makes a policy the active one by writing the MAM's configuration, so that the choice is kept.
     *
     * @param name a registered policy's name
     * @return what changed
     * @throws IOException if the configuration cannot be written
     */
    public String policy(String name) throws IOException {
        if (engine.registry().named(name) == null) {
            throw new IllegalArgumentException("no policy named '" + name + "'; available: "
                    + engine.registry().names().keySet() + " (a bundle providing it may have failed to activate:"
                    + " see scr:list). The active policy stays '" + engine.registry().active().name() + "'");
        }
        Configuration configuration = configurationAdmin.getConfiguration(MamConfig.PID, "?");
        Dictionary<String, Object> properties = configuration.getProperties();
        if (properties == null) {
            properties = new Hashtable<>();
        }
        Object previous = properties.get("policy");
        properties.put("policy", name);
        configuration.update(properties);
        LOG.log(Level.INFO, "Policy switched from the console: '" + name + "' (was '"
                + engine.registry().configured() + "')");
        awaitActive(name);
        return "policy: " + name + (previous == null ? "" : " (was " + previous + ")");
    }

    /** ConfigAdmin delivers the update asynchronously; return only once the next request sees the new policy. */
    private void awaitActive(String name) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SWITCH_WAIT_SECONDS);
        while (!engine.registry().active().name().equals(name)) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("the configuration names '" + name + "' but '"
                        + engine.registry().active().name() + "' is still active after " + SWITCH_WAIT_SECONDS + " s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Dry-runs a decision: what would the active (or a named) policy decide for these intents and this host?
     *
     * @param arguments {@code <category|-> <host-or-address> [port] [intent=value ...] [policy=<name>]}
     * @return the decision and why
     * @throws UnknownHostException if the host does not resolve
     */
    public String decide(String... arguments) throws UnknownHostException {
        if (arguments.length < 2) {
            throw new IllegalArgumentException("usage: mam:decide <query|bulk|control|stream|-> <host> [port]"
                    + " [filesize=N] [duration=S] [bitrate=N] [burstiness=..] [timeliness=..] [resilience=..]"
                    + " [name=value] [policy=<name>]");
        }
        Intents.Builder intents = Intents.builder();
        if (!arguments[0].equals("-")) {
            intents.parse("category", arguments[0]);
        }
        String host = arguments[1];
        int port = 0;
        ActivePolicy policy = engine.registry().active();
        for (int i = 2; i < arguments.length; i++) {
            String argument = arguments[i];
            int equals = argument.indexOf('=');
            if (equals < 0 && i == 2) {
                port = parsePort(argument);
            } else if (equals <= 0) {
                throw new IllegalArgumentException("expected intent=value, not '" + argument + "'");
            } else if (argument.startsWith("policy=")) {
                String name = argument.substring(equals + 1);
                policy = engine.registry().named(name);
                if (policy == null) {
                    throw new IllegalArgumentException("no policy named '" + name + "'; available: "
                            + engine.registry().names().keySet());
                }
            } else {
                intents.parse(argument.substring(0, equals), argument.substring(equals + 1));
            }
        }
        DecisionRequest request = isAddressLiteral(host)
                ? engine.contextOf(new ConnectRequest(0, new InetSocketAddress(InetAddress.getByName(host), port),
                        null, null, intents.build()))
                : engine.contextOf(new ResolveRequest(0, host, port, AddressFamily.ANY, intents.build()));
        return format(decideWaiting(request, policy));
    }

    private DecisionReply decideWaiting(DecisionRequest request, ActivePolicy policy) {
        CompletableFuture<DecisionReply> overrun = new CompletableFuture<>();
        DecisionReply reply = engine.decide(0, request, policy, overrun::complete);
        if (reply != null) {
            return reply;
        }
        try {
            return overrun.get(DRY_RUN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("no decision: " + e, e);
        }
    }

    private static String format(DecisionReply reply) {
        Decision d = reply.decision();
        StringBuilder out = new StringBuilder();
        out.append("policy       ").append(reply.policy().isEmpty() ? "-" : reply.policy())
                .append(" (").append(reply.outcome()).append(")\n");
        out.append("source       ").append(d.sourceInterface().orElse("-"))
                .append(d.sourceAddress().map(a -> " " + a.getHostAddress()).orElse("")).append('\n');
        out.append("destinations ").append(d.destinations()).append('\n');
        out.append("transport    ").append(d.transport()).append('\n');
        if (!d.options().isEmpty()) {
            out.append("options      ").append(d.options()).append('\n');
        }
        out.append("reason       ").append(d.reason());
        return out.toString();
    }

    /** @return the server's and the decisions' counters */
    public String status() {
        MamServer.ServerStatus s = server.status();
        DecisionStatistics stats = engine.statistics();
        ActivePolicy active = engine.registry().active();
        StringBuilder out = new StringBuilder();
        out.append("socket           ").append(s.path()).append('\n');
        out.append("policy           ").append(active.name());
        if (!active.isConfigured()) {
            out.append(" (configured '").append(active.configured()).append("' is not available)");
        }
        out.append('\n');
        out.append("clients          ").append(s.clients()).append(" connected, ").append(s.accepted())
                .append(" accepted, ").append(s.refused()).append(" refused, ").append(s.protocolErrors())
                .append(" protocol errors\n");
        out.append("decisions        ");
        for (DecisionOutcome outcome : DecisionOutcome.values()) {
            out.append(outcome.name().toLowerCase(Locale.ROOT)).append('=')
                    .append(stats.count(outcome)).append(' ');
        }
        out.append("\nresolve failures ").append(stats.resolutionFailures());
        return out.toString();
    }

    private static int parsePort(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 0xFFFF) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("not a port (0-65535): '" + text + "'");
    }

    private static boolean isAddressLiteral(String host) {
        return host.indexOf(':') >= 0 || host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }
}
