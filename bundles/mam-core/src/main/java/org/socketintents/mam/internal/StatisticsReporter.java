package org.socketintents.mam.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.stats.InterfaceFigures;
import org.socketintents.api.stats.InterfaceStatistics;
import org.socketintents.api.stats.StatisticsSnapshot;
import org.socketintents.protocol.ErrorCode;
import org.socketintents.protocol.ErrorReply;
import org.socketintents.protocol.Message;
import org.socketintents.protocol.StatsReply;
import org.socketintents.protocol.StatsRequest;
import org.socketintents.protocol.StatsScope;

/**
 * Answers STATS requests from the statistics collector's latest snapshot: per interface, its effective figures
 * (what policies use), its measured traffic and that of each of its prefixes. The collector is optional; reading
 * its snapshot never blocks, so a STATS request costs the session no more than a decision does.
 */
@Component(service = StatisticsReporter.class)
public final class StatisticsReporter {

    private static final Logger LOG = System.getLogger(StatisticsReporter.class.getName());

    private final DecisionEngine engine;
    private volatile InterfaceStatistics statistics;

    @Activate
    public StatisticsReporter(@Reference DecisionEngine engine) {
        this.engine = engine;
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setStatistics(InterfaceStatistics collector) {
        this.statistics = collector;
    }

    void unsetStatistics(InterfaceStatistics gone) {
        if (statistics == gone) {
            statistics = null;
        }
    }

    /**
     * @param request a STATS request
     * @return its STATS_REPLY; an UNAVAILABLE error when no collector runs, an INTERNAL one when it fails
     */
    Message answer(StatsRequest request) {
        InterfaceStatistics collector = statistics;
        if (collector == null) {
            return new ErrorReply(request.requestId(), ErrorCode.UNAVAILABLE,
                    "no statistics collector is running (the bundle org.socketintents.stats provides it)");
        }
        StatisticsSnapshot snapshot;
        try {
            snapshot = collector.snapshot();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The statistics collector failed to hand out a snapshot", e);
            return new ErrorReply(request.requestId(), ErrorCode.INTERNAL, "the statistics collector failed: " + e);
        }
        return StatsReply.fitting(request.requestId(), snapshot.staleAfterMillis(),
                scopes(snapshot, engine.interfaces(), request.interfaceName()));
    }

    /** Per interface (the monitor's first, then any only the collector knows): effective, measured, prefixes. */
    private static List<StatsScope> scopes(StatisticsSnapshot snapshot, Interfaces interfaces, String only) {
        Set<String> names = new LinkedHashSet<>();
        interfaces.forEach(description -> names.add(description.name()));
        snapshot.interfaces().forEach(figures -> names.add(figures.name()));
        List<StatsScope> scopes = new ArrayList<>();
        for (String name : names) {
            if (only != null && !only.equals(name)) {
                continue;
            }
            Optional<InterfaceDescription> description = interfaces.named(name);
            if (description.isPresent()) {
                scopes.add(new StatsScope(StatsScope.Kind.EFFECTIVE, name, null,
                        snapshot.effective(description.get()).named()));
            }
            Optional<InterfaceFigures> measured = snapshot.of(name);
            if (measured.isPresent()) {
                scopes.add(new StatsScope(StatsScope.Kind.INTERFACE, name, null, measured.get().traffic().named()));
                measured.get().prefixes().forEach((prefix, traffic) ->
                        scopes.add(new StatsScope(StatsScope.Kind.PREFIX, name, prefix, traffic.named())));
            }
        }
        return scopes;
    }
}
