/**
 * The statistics collector: {@link org.socketintents.stats.internal.StatisticsCollector} samples on its own thread
 * the interfaces' byte counters ({@link org.socketintents.stats.internal.CounterFiles}) and the kernel's TCP socket
 * diagnostics (the {@link org.socketintents.api.transport.SocketDiagnostics} service, when present), probes idle
 * interfaces ({@link org.socketintents.stats.internal.Prober}), and publishes an immutable snapshot after each
 * sample. Decisions only read the latest snapshot.
 *
 * <p>{@link org.socketintents.stats.internal.Sampler} turns one sample into figures; it takes plain values and a
 * clock reading, so tests feed it fake counters, fake dumps and fake time. Errors of a source (a file that vanished,
 * netlink refusing) make the figures only that source gives unavailable at once and are logged once
 * ({@link org.socketintents.stats.internal.ProblemLog}); figures nothing new arrives for keep their last value and
 * age until they turn stale.
 */
package org.socketintents.stats.internal;
