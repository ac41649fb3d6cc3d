package org.socketintents.api.policy;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.socketintents.api.Intents;
import org.socketintents.api.net.Interfaces;

/**
 * The full context of one getaddrinfo or connect call (section 3.2 of the paper): the intents, the
 * remote host and addresses, whether the application already bound a source address, and the host's
 * interfaces at the time of the request. Immutable.
 */
public final class DecisionRequest {

    private final RequestKind kind;
    private final Intents intents;
    private final String host;
    private final int port;
    private final List<Destination> destinations;
    private final InetSocketAddress boundSource;
    private final Interfaces interfaces;

    private DecisionRequest(Builder b) {
        this.kind = b.kind;
        this.intents = b.intents;
        this.host = b.host;
        this.port = b.port;
        this.destinations = List.copyOf(b.destinations);
        this.boundSource = b.boundSource;
        this.interfaces = b.interfaces;
    }

    /**
     * @param kind which call the application makes
     * @return a builder
     */
    public static Builder builder(RequestKind kind) {
        return new Builder(kind);
    }

    /** @return which call the application makes */
    public RequestKind kind() {
        return kind;
    }

    /** @return the intents the application set; empty when it set none */
    public Intents intents() {
        return intents;
    }

    /** @return the host name being resolved or connected to, when the application gave one */
    public Optional<String> host() {
        return Optional.ofNullable(host);
    }

    /** @return the remote port, or 0 when not known yet */
    public int port() {
        return port;
    }

    /**
     * @return for RESOLVE, the resolved addresses in the resolver's order; for CONNECT, the address the
     *         application connects to (first) and any alternatives it knows
     */
    public List<Destination> destinations() {
        return destinations;
    }

    /** @return the address the application bound the socket to itself; a policy should normally keep it */
    public Optional<InetSocketAddress> boundSource() {
        return Optional.ofNullable(boundSource);
    }

    /** @return the host's interfaces when the request arrived */
    public Interfaces interfaces() {
        return interfaces;
    }

    @Override
    public String toString() {
        return kind + " " + (host == null ? "" : host + " ") + destinations + (port == 0 ? "" : " port " + port)
                + " " + intents + (boundSource == null ? "" : " bound " + boundSource);
    }

    /** Builds a {@link DecisionRequest}. */
    public static final class Builder {
        private final RequestKind kind;
        private Intents intents = Intents.none();
        private String host;
        private int port;
        private final List<Destination> destinations = new ArrayList<>();
        private InetSocketAddress boundSource;
        private Interfaces interfaces = Interfaces.empty();

        private Builder(RequestKind kind) {
            this.kind = Objects.requireNonNull(kind, "kind");
        }

        public Builder intents(Intents intents) {
            this.intents = Objects.requireNonNull(intents, "intents");
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            if (port < 0 || port > 0xFFFF) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
            this.port = port;
            return this;
        }

        public Builder addDestination(Destination destination) {
            destinations.add(Objects.requireNonNull(destination, "destination"));
            return this;
        }

        public Builder destinations(List<Destination> values) {
            values.forEach(this::addDestination);
            return this;
        }

        public Builder boundSource(InetSocketAddress boundSource) {
            this.boundSource = boundSource;
            return this;
        }

        public Builder interfaces(Interfaces interfaces) {
            this.interfaces = Objects.requireNonNull(interfaces, "interfaces");
            return this;
        }

        public DecisionRequest build() {
            return new DecisionRequest(this);
        }
    }
}
