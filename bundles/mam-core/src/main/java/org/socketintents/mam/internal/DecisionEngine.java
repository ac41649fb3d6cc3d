package org.socketintents.mam.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.socketintents.api.net.InterfaceMonitor;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.DecisionRequest;
import org.socketintents.api.policy.Policy;
import org.socketintents.api.policy.RequestKind;
import org.socketintents.api.resolver.MultiInterfaceResolver;
import org.socketintents.protocol.ConnectRequest;
import org.socketintents.protocol.DecisionOutcome;
import org.socketintents.protocol.DecisionReply;
import org.socketintents.protocol.DecisionReuse;
import org.socketintents.protocol.MessageType;
import org.socketintents.protocol.ResolveRequest;
import org.socketintents.protocol.SocketConnectRequest;

/**
 * Builds the full request context, asks the policy under its time budget, and turns the answer into a reply.
 * A policy that throws, overruns its budget or is missing yields the OS default for that request; it is
 * logged and counted and never takes the MAM down.
 */
@Component(service = DecisionEngine.class, configurationPid = MamConfig.PID)
public final class DecisionEngine {

    private static final Logger LOG = System.getLogger(DecisionEngine.class.getName());
    /** More overrunning calls than this still stuck in one policy, and it is no longer called. */
    static final int MAX_STUCK_CALLS = 16;

    private final PolicyRegistry registry;
    private final DestinationResolver resolver = new DestinationResolver();
    private volatile MultiInterfaceResolver multiResolver;
    private final DecisionStatistics statistics = new DecisionStatistics();
    private final Map<Policy, AtomicInteger> stuckCalls = new ConcurrentHashMap<>();
    private final BudgetWatchdog watchdog;
    private volatile MamSettings settings;

    private volatile InterfaceMonitor monitor;
    private volatile DecisionEpoch epoch;

    @Activate
    public DecisionEngine(@Reference PolicyRegistry registry, MamConfig config) {
        this.registry = registry;
        this.settings = MamSettings.of(config, MamSettings.DEFAULTS);
        // A tenth of the budget: an overrun is answered within 110% of the budget, for 10 to 200 wakeups a second.
        this.watchdog = new BudgetWatchdog(
                () -> TimeUnit.MILLISECONDS.toNanos(Math.max(1, settings.budgetMillis() / 10)));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setMonitor(InterfaceMonitor monitor) {
        this.monitor = monitor;
    }

    void unsetMonitor(InterfaceMonitor gone) {
        if (monitor == gone) {
            monitor = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setEpoch(DecisionEpoch epoch) {
        this.epoch = epoch;
    }

    void unsetEpoch(DecisionEpoch gone) {
        if (epoch == gone) {
            epoch = null;
        }
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setResolver(MultiInterfaceResolver resolver) {
        this.multiResolver = resolver;
    }

    void unsetResolver(MultiInterfaceResolver gone) {
        if (multiResolver == gone) {
            multiResolver = null;
        }
    }

    @Modified
    void modified(MamConfig config) {
        settings = MamSettings.of(config, settings);
    }

    @Deactivate
    void deactivate() {
        watchdog.close();
    }

    /** @return the latest interface snapshot, empty when no monitor runs */
    Interfaces interfaces() {
        InterfaceMonitor current = monitor;
        return current == null ? Interfaces.empty() : current.interfaces();
    }

    PolicyRegistry registry() {
        return registry;
    }

    DecisionStatistics statistics() {
        return statistics;
    }

    /**
     * @param request a RESOLVE
     * @return its decision context, with the host resolved
     * @throws UnknownHostException if the host does not resolve
     */
    DecisionRequest contextOf(ResolveRequest request) throws UnknownHostException {
        Interfaces interfaces = interfaces();
        try {
            return DecisionRequest.builder(RequestKind.RESOLVE)
                    .intents(request.intents())
                    .host(request.host())
                    .port(request.port())
                    .destinations(resolver.resolve(request.host(), request.family(), request.intents(),
                            request.port(), interfaces, registry.active(), multiResolver))
                    .interfaces(interfaces)
                    .build();
        } catch (UnknownHostException e) {
            statistics.countResolutionFailure();
            throw e;
        }
    }

    /**
     * @param request a CONNECT
     * @return its decision context
     */
    DecisionRequest contextOf(ConnectRequest request) {
        return DecisionRequest.builder(RequestKind.CONNECT)
                .intents(request.intents())
                .host(request.host())
                .port(request.remote().getPort())
                .addDestination(resolver.tag(request.remote().getAddress(), multiResolver))
                .boundSource(request.boundSource())
                .interfaces(interfaces())
                .build();
    }

    /**
     * @param request a SOCKETCONNECT
     * @return its decision context: a connect to the endpoint's address, or to every address its host resolves to
     * @throws UnknownHostException if the host does not resolve
     */
    DecisionRequest contextOf(SocketConnectRequest request) throws UnknownHostException {
        InetSocketAddress endpoint = request.endpoint();
        Interfaces interfaces = interfaces();
        DecisionRequest.Builder context = DecisionRequest.builder(RequestKind.CONNECT)
                .intents(request.intents())
                .port(endpoint.getPort())
                .interfaces(interfaces);
        if (!endpoint.isUnresolved()) {
            return context.addDestination(resolver.tag(endpoint.getAddress(), multiResolver)).build();
        }
        try {
            return context.host(endpoint.getHostString())
                    .destinations(resolver.resolve(endpoint.getHostString(), request.family(), request.intents(),
                            endpoint.getPort(), interfaces, registry.active(), multiResolver))
                    .build();
        } catch (UnknownHostException e) {
            statistics.countResolutionFailure();
            throw e;
        }
    }

    /**
     * Decides with the active policy.
     *
     * @see #decide(int, DecisionRequest, ActivePolicy, Consumer)
     */
    DecisionReply decide(int requestId, DecisionRequest request, Consumer<DecisionReply> onOverrun) {
        return decide(requestId, request, registry.active(), onOverrun);
    }

    /**
     * Asks a policy, on the calling thread, under the budget.
     *
     * @param requestId the request's id, echoed in the reply
     * @param request   the context
     * @param policy    the policy to ask
     * @param onOverrun receives the OS-default reply, on the watchdog's thread, when the policy overruns its
     *                  budget; it must answer the client
     * @return the reply, or null when the policy overran and {@code onOverrun} has answered (or will)
     */
    DecisionReply decide(int requestId, DecisionRequest request, ActivePolicy policy,
                         Consumer<DecisionReply> onOverrun) {
        MessageType type = request.kind() == RequestKind.RESOLVE ? MessageType.RESOLVE_REPLY
                : MessageType.CONNECT_REPLY;
        DecisionEpoch epochNow = epoch;
        long startedIn = epochNow == null ? 0 : epochNow.current();
        boolean reusable = epochNow != null && type == MessageType.CONNECT_REPLY && isCurrent(request, policy);
        if (policy.isMissing()) {
            return reply(requestId, type, request, Decision.osDefault(
                    "no policy is registered; OS default"), "", DecisionOutcome.NO_POLICY);
        }
        AtomicInteger stuck = stuckCalls.computeIfAbsent(policy.policy(), p -> new AtomicInteger());
        if (stuck.get() >= MAX_STUCK_CALLS) {
            return reply(requestId, type, request, Decision.osDefault("policy '" + policy.name() + "' has "
                    + stuck.get() + " calls overrunning their budget; not asked"), policy.name(),
                    DecisionOutcome.FALLBACK_POLICY_TIMEOUT);
        }
        int budgetMillis = settings.budgetMillis();
        PolicyCall call = new PolicyCall(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(budgetMillis), () -> {
            stuck.incrementAndGet();
            LOG.log(Level.WARNING, "Policy '" + policy.name() + "' overran its budget of " + budgetMillis
                    + " ms; answering with the OS default: " + request);
            onOverrun.accept(reply(requestId, type, request, Decision.osDefault("policy '" + policy.name()
                    + "' overran its budget; OS default"), policy.name(), DecisionOutcome.FALLBACK_POLICY_TIMEOUT));
        });
        watchdog.register(call);
        Decision decision;
        try {
            decision = policy.policy().decide(request);
            if (decision == null) {
                throw new NullPointerException("decide returned null");
            }
        } catch (RuntimeException | Error e) {
            if (!call.finish()) {
                stuck.decrementAndGet();
                return null;
            }
            watchdog.unregister(call);
            LOG.log(Level.WARNING, "Policy '" + policy.name() + "' failed; answering with the OS default: "
                    + request, e);
            return reply(requestId, type, request, Decision.osDefault("policy '" + policy.name() + "' failed: "
                    + e), policy.name(), DecisionOutcome.FALLBACK_POLICY_ERROR);
        }
        if (!call.finish()) {
            stuck.decrementAndGet();
            return null;
        }
        watchdog.unregister(call);
        return reply(requestId, type, request, decision, policy.name(), DecisionOutcome.POLICY,
                reusable ? epochNow.reuseOf(startedIn, decision, DecisionOutcome.POLICY) : DecisionReuse.NONE);
    }

    /**
     * Whether the request's interface snapshot and the policy are the ones in force once the epoch was read: a
     * change after that advances the epoch and so ends any reuse of this decision, but one before it would not.
     */
    private boolean isCurrent(DecisionRequest request, ActivePolicy policy) {
        return request.interfaces().generation() == interfaces().generation()
                && registry.active().policy() == policy.policy();
    }

    private DecisionReply reply(int requestId, MessageType type, DecisionRequest request, Decision decision,
                                String policy, DecisionOutcome outcome) {
        return reply(requestId, type, request, decision, policy, outcome, DecisionReuse.NONE);
    }

    private DecisionReply reply(int requestId, MessageType type, DecisionRequest request, Decision decision,
                                String policy, DecisionOutcome outcome, DecisionReuse reuse) {
        statistics.record(outcome);
        decision = DecisionCompleter.complete(decision, request);
        if (LOG.isLoggable(Level.DEBUG)) {
            LOG.log(Level.DEBUG, request + " -> " + (policy.isEmpty() ? "" : policy + ": ") + decision
                    + " (" + outcome + ")");
        }
        return new DecisionReply(requestId, type, decision, policy, outcome, reuse);
    }
}
