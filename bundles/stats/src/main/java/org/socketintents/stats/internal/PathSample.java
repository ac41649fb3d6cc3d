package org.socketintents.stats.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.socketintents.api.transport.TcpConnectionInfo;

/**
 * The connections of one interface or prefix in one socket dump, summed up. RTT figures are the median over the
 * connections with a recent RTT, so that one connection behind a long queue does not speak for the path.
 */
final class PathSample {

    private static final double MICROS_PER_MILLI = 1000.0;

    private int established;
    private int active;
    private final List<Double> rtts = new ArrayList<>();
    private final List<Double> rttVars = new ArrayList<>();
    private double minRtt = Double.POSITIVE_INFINITY;
    private long received;
    private long sent;
    private long retransmits;

    void add(ConnectionDelta delta) {
        received += delta.received();
        sent += delta.sent();
        retransmits += delta.retransmits();
        TcpConnectionInfo info = delta.info();
        if (info.state() != TcpConnectionInfo.ESTABLISHED) {
            return;
        }
        established++;
        if (delta.moved()) {
            active++;
        }
        if (delta.hasRecentRtt()) {
            rtts.add(info.rttMicros() / MICROS_PER_MILLI);
            rttVars.add(info.rttVarMicros() / MICROS_PER_MILLI);
            long lowest = info.minRttMicros() > 0 ? info.minRttMicros() : info.rttMicros();
            minRtt = Math.min(minRtt, lowest / MICROS_PER_MILLI);
        }
    }

    /**
     * @param state           the path's state
     * @param intervalSeconds the time since the previous dump; 0 when this dump is a baseline
     * @param withRates       whether the connections' byte counts give the path's rates (for a prefix; an interface
     *                        has its own byte counters)
     * @param now             when the dump was taken
     */
    void applyTo(PathState state, double intervalSeconds, boolean withRates, long now) {
        state.setConnections(established, active, now);
        if (intervalSeconds > 0) {
            state.addRetransmits(retransmits / intervalSeconds, now);
            if (withRates) {
                state.addRates(received * 8 / intervalSeconds, sent * 8 / intervalSeconds, now);
            }
        }
        if (!rtts.isEmpty()) {
            state.addRtt(median(rtts), median(rttVars), minRtt, now);
        }
    }

    private static double median(List<Double> values) {
        Collections.sort(values);
        int middle = values.size() / 2;
        return values.size() % 2 == 1 ? values.get(middle) : (values.get(middle - 1) + values.get(middle)) / 2;
    }
}
