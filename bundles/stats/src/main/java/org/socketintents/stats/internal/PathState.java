package org.socketintents.stats.internal;

import org.socketintents.api.stats.TrafficFigures;

/**
 * What the collector knows about the traffic through one interface or from one source prefix, kept from sample to
 * sample. Confined to the sampling thread.
 */
final class PathState {

    private final Smoothed srtt;
    private final Smoothed rttVar;
    private final SlidingExtremum minRtt;
    private final ThroughputTracker download;
    private final ThroughputTracker upload;
    private final Latest connections = new Latest();
    private final Latest activeConnections = new Latest();
    private final Smoothed retransmits;

    PathState(CollectorSettings settings) {
        this.srtt = new Smoothed(settings.smoothing());
        this.rttVar = new Smoothed(settings.smoothing());
        this.minRtt = SlidingExtremum.minimum(settings.longestWindow());
        this.download = new ThroughputTracker(settings.smoothing(), settings.windows());
        this.upload = new ThroughputTracker(settings.smoothing(), settings.windows());
        this.retransmits = new Smoothed(settings.smoothing());
    }

    /** One sample of the kernel's RTT figures of the connections that moved data, in ms. */
    void addRtt(double srttMillis, double rttVarMillis, double minRttMillis, long now) {
        srtt.add(srttMillis, now);
        rttVar.add(rttVarMillis, now);
        minRtt.add(minRttMillis, now);
    }

    /** A probe's connect time: one RTT sample, which says nothing about the variation. */
    void addProbe(double rttMillis, long now) {
        srtt.add(rttMillis, now);
        minRtt.add(rttMillis, now);
    }

    void addRates(double downloadBitsPerSecond, double uploadBitsPerSecond, long now) {
        download.add(downloadBitsPerSecond, now);
        upload.add(uploadBitsPerSecond, now);
    }

    void setConnections(int established, int active, long now) {
        connections.set(established, now);
        activeConnections.set(active, now);
    }

    void addRetransmits(double perSecond, long now) {
        retransmits.add(perSecond, now);
    }

    /** The rate source failed: rates are unavailable until it works again. */
    void forgetRates() {
        download.forget();
        upload.forget();
    }

    /** The socket diagnostics failed or went away: the figures only they give are unavailable. */
    void forgetConnections() {
        connections.forget();
        activeConnections.forget();
        retransmits.forget();
    }

    TrafficFigures figures(long now, long staleAfterMillis) {
        return new TrafficFigures(srtt.figure(now, staleAfterMillis), minRtt.figure(now, staleAfterMillis),
                rttVar.figure(now, staleAfterMillis), download.figures(now, staleAfterMillis),
                upload.figures(now, staleAfterMillis), connections.figure(now, staleAfterMillis),
                activeConnections.figure(now, staleAfterMillis), retransmits.figure(now, staleAfterMillis));
    }
}
