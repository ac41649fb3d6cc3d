package org.socketintents.stats.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.InterfaceMonitor;
import org.socketintents.api.stats.InterfaceFigures;
import org.socketintents.api.stats.InterfaceStatistics;
import org.socketintents.api.stats.StatisticsSnapshot;

/** The {@code mam:stats} console command: the statistics as a compact table, or every figure of one interface. */
@Component(service = StatsCommands.class, property = {
    "osgi.command.scope=mam",
    "osgi.command.function=stats"
})
public final class StatsCommands {

    private final InterfaceStatistics statistics;
    private final InterfaceMonitor monitor;

    @Activate
    public StatsCommands(@Reference InterfaceStatistics statistics, @Reference InterfaceMonitor monitor) {
        this.statistics = statistics;
        this.monitor = monitor;
    }

    /** @return one line per interface and per prefix: RTTs, rates and their peaks, connections, retransmissions */
    public String stats() {
        return StatsTable.compact(statistics.snapshot());
    }

    /**
     * @param interfaceName an interface's name
     * @return every measured figure of it with source and age, and the figures policies use for it
     */
    public String stats(String interfaceName) {
        StatisticsSnapshot snapshot = statistics.snapshot();
        InterfaceFigures figures = snapshot.of(interfaceName).orElseThrow(() -> new IllegalArgumentException(
                "no statistics for '" + interfaceName + "'; measured: " + snapshot.interfaces().stream()
                        .map(InterfaceFigures::name).toList()));
        InterfaceDescription description = monitor.interfaces().named(interfaceName).orElseThrow(
                () -> new IllegalArgumentException("interface '" + interfaceName + "' has just disappeared"));
        return StatsTable.detail(figures, snapshot.effective(description));
    }
}
