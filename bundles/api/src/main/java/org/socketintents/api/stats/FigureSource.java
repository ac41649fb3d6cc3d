package org.socketintents.api.stats;

/** Where a {@link Figure} comes from. */
public enum FigureSource {
    /** Measured, no longer ago than the collector's stale age. */
    MEASURED,
    /** Measured, but longer ago than the stale age: it does not override a configured figure. */
    STALE,
    /** From the interface's configuration (in {@link EffectiveFigures} only). */
    CONFIGURED,
    /** Neither measured nor configured, or its source failed. */
    UNAVAILABLE
}
