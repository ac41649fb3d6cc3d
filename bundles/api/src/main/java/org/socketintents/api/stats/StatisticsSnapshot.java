package org.socketintents.api.stats;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.socketintents.api.net.InterfaceDescription;

/**
 * The collector's measurements of the host's interfaces at one moment. Immutable; a new one is published after
 * every sample.
 *
 * <p>Made of plain values (names, prefixes, figures with a source and an age in milliseconds, windows) so that it
 * can be shown on a console or encoded on the wire as it is: see {@link TrafficFigures#named()}.
 */
public final class StatisticsSnapshot {

    private static final StatisticsSnapshot EMPTY = new StatisticsSnapshot(0, List.of(), List.of());

    private final long staleAfterMillis;
    private final List<Duration> windows;
    private final Map<String, InterfaceFigures> interfaces;

    /**
     * @param staleAfterMillis the age beyond which the collector marks a measurement stale
     * @param windows          the windows it keeps rate peaks for, shortest first
     * @param interfaces       the figures of each interface it measures, in the interface monitor's order
     * @throws IllegalArgumentException if the stale age is negative or two entries name the same interface
     */
    public StatisticsSnapshot(long staleAfterMillis, List<Duration> windows, List<InterfaceFigures> interfaces) {
        if (staleAfterMillis < 0) {
            throw new IllegalArgumentException("stale age must not be negative: " + staleAfterMillis);
        }
        this.staleAfterMillis = staleAfterMillis;
        this.windows = List.copyOf(windows);
        Map<String, InterfaceFigures> byName = new LinkedHashMap<>();
        for (InterfaceFigures figures : interfaces) {
            if (byName.put(figures.name(), Objects.requireNonNull(figures, "figures")) != null) {
                throw new IllegalArgumentException("interface " + figures.name() + " appears twice");
            }
        }
        this.interfaces = byName;
    }

    /** @return a snapshot without measurements: what a policy uses when no collector runs */
    public static StatisticsSnapshot empty() {
        return EMPTY;
    }

    /** @return the age beyond which a measurement is stale */
    public long staleAfterMillis() {
        return staleAfterMillis;
    }

    /** @return the windows rate peaks are kept for, shortest first */
    public List<Duration> windows() {
        return windows;
    }

    /** @return every measured interface, in the interface monitor's order */
    public List<InterfaceFigures> interfaces() {
        return List.copyOf(interfaces.values());
    }

    /**
     * @param interfaceName an interface's name
     * @return its measured figures, if the collector measures it
     */
    public Optional<InterfaceFigures> of(String interfaceName) {
        return Optional.ofNullable(interfaces.get(interfaceName));
    }

    /**
     * @param description an interface, with its configured figures
     * @return its figures as a policy should use them: measured where fresh, configured otherwise
     */
    public EffectiveFigures effective(InterfaceDescription description) {
        return EffectiveFigures.of(description, of(description.name()));
    }

    /**
     * @param millis time passed since the snapshot was taken
     * @return the snapshot as it reads that much later: every measurement older, stale where it passed the limit
     */
    public StatisticsSnapshot olderBy(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("time passed must not be negative: " + millis);
        }
        List<InterfaceFigures> aged = new ArrayList<>();
        interfaces.values().forEach(figures -> aged.add(figures.olderBy(millis, staleAfterMillis)));
        return new StatisticsSnapshot(staleAfterMillis, windows, aged);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StatisticsSnapshot
                && staleAfterMillis == ((StatisticsSnapshot) other).staleAfterMillis
                && windows.equals(((StatisticsSnapshot) other).windows)
                && interfaces.equals(((StatisticsSnapshot) other).interfaces);
    }

    @Override
    public int hashCode() {
        return Objects.hash(staleAfterMillis, windows, interfaces);
    }

    @Override
    public String toString() {
        return "StatisticsSnapshot" + interfaces.values();
    }
}
