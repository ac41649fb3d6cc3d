/**
 * Measured statistics of the host's interfaces (section 2.3 of the paper: "information that can only be derived via
 * configuration or measurements"): round-trip times, rates and their recent peaks, connections and retransmissions,
 * per interface and per source prefix.
 *
 * <p>{@link org.socketintents.api.stats.InterfaceStatistics} hands out immutable
 * {@link org.socketintents.api.stats.StatisticsSnapshot}s that a collector replaces on its own schedule; reading one
 * never waits for a measurement. Every {@link org.socketintents.api.stats.Figure} says where it comes from and how
 * old it is, and is never negative or NaN. {@link org.socketintents.api.stats.EffectiveFigures} merges the
 * measurements with the interface's configured figures, so that a policy asks one place for "the RTT of i1".
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.socketintents.api.stats;
