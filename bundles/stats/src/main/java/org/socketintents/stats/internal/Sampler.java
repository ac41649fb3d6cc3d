package org.socketintents.stats.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.InterfacePrefix;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.stats.InterfaceFigures;
import org.socketintents.api.stats.StatisticsSnapshot;
import org.socketintents.api.transport.SocketDiagnostics;
import org.socketintents.api.transport.TcpConnectionInfo;

/**
 * Takes one sample at a time and turns it into a snapshot: reads every interface's byte counters, dumps the TCP
 * connections when socket diagnostics are available, groups them by source address, and updates the smoothed
 * figures. Confined to the sampling thread; every source's failure is caught here, logged once, and turns the
 * figures that source gives unavailable.
 */
final class Sampler {

    private static final Logger LOG = System.getLogger(Sampler.class.getName());
    private static final String DIAGNOSTICS = "diagnostics";

    private final CollectorSettings settings;
    private final CounterFiles counters;
    private final ProblemLog problems = new ProblemLog(LOG);
    private final ConnectionLedger ledger = new ConnectionLedger();
    private final Map<String, InterfaceState> states = new HashMap<>();

    Sampler(CollectorSettings settings) {
        this.settings = settings;
        this.counters = new CounterFiles(settings.countersDirectory());
    }

    /**
     * @param interfaces  the interface monitor's snapshot
     * @param diagnostics the socket diagnostics service, or null when there is none
     * @param now         the collector's clock
     * @return the figures of every interface as of now
     */
    StatisticsSnapshot sample(Interfaces interfaces, SocketDiagnostics diagnostics, long now) {
        Set<String> present = new HashSet<>();
        for (InterfaceDescription description : interfaces) {
            present.add(description.name());
            InterfaceState state = states.computeIfAbsent(description.name(), name -> new InterfaceState(settings));
            state.retainPrefixes(description.prefixes());
            sampleCounters(description, state, now);
        }
        states.keySet().retainAll(present);
        if (diagnostics == null) {
            ledger.forget();
            states.values().forEach(InterfaceState::forgetConnections);
        } else {
            sampleConnections(interfaces, diagnostics, now);
        }
        return snapshot(interfaces, now);
    }

    /**
     * @param result a probe's connect time
     * @param now    when it arrived
     */
    void recordProbe(ProbeResult result, long now) {
        InterfaceState state = states.get(result.interfaceName());
        if (state == null) {
            return;
        }
        double millis = result.rttNanos() / 1e6;
        state.traffic().addProbe(millis, now);
        state.prefixHolding(result.source()).ifPresent(prefix -> prefix.addProbe(millis, now));
    }

    private void sampleCounters(InterfaceDescription description, InterfaceState state, long now) {
        String name = description.name();
        String key = "counters:" + name;
        ByteCounters reading;
        try {
            reading = counters.read(name);
        } catch (IOException e) {
            problems.report(key, "Cannot read the byte counters of " + name + " (" + e
                    + "); its rates are unavailable until they can be read again");
            state.meter().forget();
            state.traffic().forgetRates();
            return;
        }
        problems.cleared(key, "The byte counters of " + name + " can be read again");
        CounterStep step = state.meter().advance(reading, description.index(), now);
        if (step instanceof CounterStep.Rates rates) {
            state.traffic().addRates(rates.downloadBitsPerSecond(), rates.uploadBitsPerSecond(), now);
        } else if (step instanceof CounterStep.Discontinuity discontinuity) {
            // An event, not a condition: logged once per interface, then at debug level.
            problems.report("counter-reset:" + name, "Interface " + name + ": " + discontinuity.why()
                    + "; its rates restart from the next sample");
            state.traffic().forgetRates();
        }
    }

    private void sampleConnections(Interfaces interfaces, SocketDiagnostics diagnostics, long now) {
        List<TcpConnectionInfo> dump;
        try {
            dump = Objects.requireNonNull(diagnostics.tcpConnections(), "the dump is null");
        } catch (IOException | RuntimeException e) {
            problems.report(DIAGNOSTICS, "Socket diagnostics failed (" + e + "); connection figures are"
                    + " unavailable until they work again");
            ledger.forget();
            states.values().forEach(InterfaceState::forgetConnections);
            return;
        }
        problems.cleared(DIAGNOSTICS, "Socket diagnostics work again");
        ConnectionLedger.Update update = ledger.update(dump, now);
        if (update.rejected() > 0) {
            problems.report("connections-rejected", "Socket diagnostics reported " + update.rejected()
                    + " connections with negative figures; they are left out");
        }
        SourceIndex index = new SourceIndex(interfaces);
        Map<String, PathSample> byInterface = new HashMap<>();
        Map<SourceIndex.Source, PathSample> byPrefix = new HashMap<>();
        for (ConnectionDelta delta : update.deltas()) {
            index.locate(delta.info().local().getAddress()).ifPresent(source -> {
                byInterface.computeIfAbsent(source.interfaceName(), name -> new PathSample()).add(delta);
                byPrefix.computeIfAbsent(source, any -> new PathSample()).add(delta);
            });
        }
        for (InterfaceDescription description : interfaces) {
            InterfaceState state = states.get(description.name());
            byInterface.getOrDefault(description.name(), new PathSample())
                    .applyTo(state.traffic(), update.intervalSeconds(), false, now);
            for (InterfacePrefix prefix : description.prefixes()) {
                PathSample sample = byPrefix.getOrDefault(new SourceIndex.Source(description.name(), prefix),
                        new PathSample());
                state.prefix(prefix).ifPresent(
                        prefixState -> sample.applyTo(prefixState, update.intervalSeconds(), true, now));
            }
        }
    }

    private StatisticsSnapshot snapshot(Interfaces interfaces, long now) {
        long staleAfter = settings.staleAfter().toMillis();
        List<InterfaceFigures> figures = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (InterfaceDescription description : interfaces) {
            if (!listed.add(description.name())) {
                continue;
            }
            figures.add(states.get(description.name())
                    .figures(description.name(), description.prefixes(), now, staleAfter));
        }
        return new StatisticsSnapshot(staleAfter, settings.windows(), figures);
    }
}
