package org.socketintents.protocol;

import org.socketintents.api.Burstiness;
import org.socketintents.api.Category;
import org.socketintents.api.Resilience;
import org.socketintents.api.Timeliness;
import org.socketintents.api.policy.Transport;
import org.socketintents.api.stats.FigureSource;

/**
 * The wire codes of the enum intents, of the transport and of a figure's source. Written out here rather than
 * derived from ordinals so that reordering an enum in the API cannot change the protocol.
 */
final class EnumCodes {

    private static final Category[] CATEGORY = {null, Category.QUERY, Category.BULK_TRANSFER,
        Category.CONTROL_TRAFFIC, Category.STREAM};
    private static final Burstiness[] BURSTINESS = {null, Burstiness.RANDOM_BURSTS, Burstiness.REGULAR_BURSTS,
        Burstiness.NO_BURSTS, Burstiness.BULK};
    private static final Timeliness[] TIMELINESS = {null, Timeliness.STREAM, Timeliness.INTERACTIVE,
        Timeliness.TRANSFER, Timeliness.BACKGROUND};
    private static final Resilience[] RESILIENCE = {null, Resilience.SENSITIVE, Resilience.UNDESIRABLE,
        Resilience.RESILIENT};
    private static final Transport[] TRANSPORT = {Transport.TCP, Transport.MPTCP};
    private static final FigureSource[] FIGURE_SOURCE = {FigureSource.MEASURED, FigureSource.STALE,
        FigureSource.CONFIGURED, FigureSource.UNAVAILABLE};

    private EnumCodes() {
    }

    static int code(Object value) {
        Object[] table;
        if (value instanceof Category) {
            table = CATEGORY;
        } else if (value instanceof Burstiness) {
            table = BURSTINESS;
        } else if (value instanceof Timeliness) {
            table = TIMELINESS;
        } else if (value instanceof Resilience) {
            table = RESILIENCE;
        } else if (value instanceof Transport) {
            table = TRANSPORT;
        } else if (value instanceof FigureSource) {
            table = FIGURE_SOURCE;
        } else {
            throw new IllegalArgumentException("no wire code for " + value);
        }
        for (int i = 0; i < table.length; i++) {
            if (table[i] == value) {
                return i;
            }
        }
        throw new IllegalArgumentException("no wire code for " + value);
    }

    /**
     * @return the constant of {@code type} with that code, or null when the code is unknown
     */
    static Object value(Class<?> type, int code) {
        Object[] table;
        if (type == Category.class) {
            table = CATEGORY;
        } else if (type == Burstiness.class) {
            table = BURSTINESS;
        } else if (type == Timeliness.class) {
            table = TIMELINESS;
        } else if (type == Resilience.class) {
            table = RESILIENCE;
        } else if (type == Transport.class) {
            table = TRANSPORT;
        } else if (type == FigureSource.class) {
            table = FIGURE_SOURCE;
        } else {
            return null;
        }
        return code >= 0 && code < table.length ? table[code] : null;
    }
}
