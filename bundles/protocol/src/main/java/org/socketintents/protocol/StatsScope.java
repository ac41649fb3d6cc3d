package org.socketintents.protocol;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.socketintents.api.net.InterfacePrefix;
import org.socketintents.api.stats.Figure;

/**
 * The figures of one scope of a {@link StatsReply}: an interface's measured traffic, the traffic from one of its
 * prefixes, or the interface's effective figures (measured where fresh, configured otherwise).
 *
 * @param kind          what the figures describe
 * @param interfaceName the interface
 * @param prefix        the source prefix for {@link Kind#PREFIX}, null for the other kinds
 * @param figures       the figures by their stable names ({@code TrafficFigures.named()},
 *                      {@code EffectiveFigures.named()}), in order
 */
public record StatsScope(Kind kind, String interfaceName, InterfacePrefix prefix, Map<String, Figure> figures) {

    /** What a scope's figures describe, with its code on the wire. */
    public enum Kind {
        /** All measured traffic through the interface. */
        INTERFACE(1),
        /** Measured traffic of the connections from one of the interface's prefixes. */
        PREFIX(2),
        /** The figures a policy uses: measured where fresh, the interface's configured figures otherwise. */
        EFFECTIVE(3);

        private final int code;

        Kind(int code) {
            this.code = code;
        }

        /** @return the code on the wire */
        public int code() {
            return code;
        }

        static Kind ofCode(int code) {
            for (Kind kind : values()) {
                if (kind.code == code) {
                    return kind;
                }
            }
            return null;
        }
    }

    /** @throws IllegalArgumentException if a prefix is given for a kind other than {@link Kind#PREFIX}, or missing */
    public StatsScope {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(interfaceName, "interfaceName");
        if ((kind == Kind.PREFIX) != (prefix != null)) {
            throw new IllegalArgumentException("a prefix is given exactly for scopes of kind PREFIX, not " + kind);
        }
        Map<String, Figure> copy = new LinkedHashMap<>();
        figures.forEach((name, figure) -> copy.put(Objects.requireNonNull(name, "name"),
                Objects.requireNonNull(figure, "figure")));
        figures = Collections.unmodifiableMap(copy);
    }
}
