package org.socketintents.api.policy;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a policy decided for one request: the source interface (or address), the destination addresses
 * in the order to try them, the transport, suggested socket options, and a one-line reason that the
 * console and the debug log show. Immutable.
 *
 * <p>Every part is optional: an empty decision ({@link #osDefault(String)}) leaves everything to the
 * operating system, as if there were no Socket Intents.
 *
 * <p>A decision is {@linkplain #reusable() reusable} when the policy would decide the same for the same request
 * as long as the interfaces and the policy itself (its service and its configuration) stay as they are. The MAM
 * then lets the client library apply it again to identical requests without asking, until one of those changes;
 * a decision that depends on anything else (live statistics, a rotation, the time of day) is not reusable.
 */
public final class Decision {

    private final String sourceInterface;
    private final InetAddress sourceAddress;
    private final List<Destination> destinations;
    private final Transport transport;
    private final Map<SuggestedOption, Integer> options;
    private final String reason;
    private final boolean reusable;

    private Decision(Builder b) {
        this.sourceInterface = b.sourceInterface;
        this.sourceAddress = b.sourceAddress;
        this.destinations = List.copyOf(b.destinations);
        this.transport = b.transport;
        this.options = b.options.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(b.options));
        this.reason = b.reason;
        this.reusable = b.reusable;
    }

    /**
     * @param reason why the OS default applies, one line
     * @return a decision that leaves source, destination order and options to the operating system
     */
    public static Decision osDefault(String reason) {
        return builder().reason(reason).build();
    }

    /**
     * The decision for an application that bound its own source address: keep it (section 3.3 of the paper:
     * a policy may override the application's choice, but typically should not).
     *
     * @param request the request
     * @param why     the first part of the reason, e.g. the policy's name
     * @return the OS-default decision saying so, reusable, or empty when the application bound nothing
     */
    public static Optional<Decision> keepingBoundSource(DecisionRequest request, String why) {
        return request.boundSource().map(bound -> builder().reason(why + ": the application bound " + bound
                + " itself; kept").reusable(true).build());
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder holding this decision's values */
    public Builder toBuilder() {
        Builder b = new Builder().sourceInterface(sourceInterface).sourceAddress(sourceAddress)
                .destinations(destinations).transport(transport).reason(reason).reusable(reusable);
        b.options.putAll(options);
        return b;
    }

    /** @return the interface to send from, if the policy chose one */
    public Optional<String> sourceInterface() {
        return Optional.ofNullable(sourceInterface);
    }

    /** @return the exact source address to bind, if the policy chose one */
    public Optional<InetAddress> sourceAddress() {
        return Optional.ofNullable(sourceAddress);
    }

    /** @return destination addresses in the order to try them; empty keeps the request's order */
    public List<Destination> destinations() {
        return destinations;
    }

    /** @return the suggested transport; {@link Transport#TCP} unless the policy said otherwise */
    public Transport transport() {
        return transport;
    }

    /** @return suggested socket options and their values */
    public Map<SuggestedOption, Integer> options() {
        return options;
    }

    /** @return one line saying why */
    public String reason() {
        return reason;
    }

    /**
     * @return whether the same request gets the same decision until the interfaces or the policy change, so that
     *         clients may reuse it until the MAM says either changed
     */
    public boolean reusable() {
        return reusable;
    }

    /** @return whether the decision leaves everything to the operating system */
    public boolean isOsDefault() {
        return sourceInterface == null && sourceAddress == null && destinations.isEmpty()
                && transport == Transport.TCP && options.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Decision)) {
            return false;
        }
        Decision that = (Decision) other;
        return Objects.equals(sourceInterface, that.sourceInterface)
                && Objects.equals(sourceAddress, that.sourceAddress) && destinations.equals(that.destinations)
                && transport == that.transport && options.equals(that.options) && reason.equals(that.reason)
                && reusable == that.reusable;
    }

    @Override
    public int hashCode() {
        return Objects.hash(sourceInterface, sourceAddress, destinations, transport, options, reason, reusable);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        if (isOsDefault()) {
            s.append("os default");
        } else {
            s.append("source ").append(sourceInterface == null ? "-" : sourceInterface);
            if (sourceAddress != null) {
                s.append(" (").append(sourceAddress.getHostAddress()).append(')');
            }
            if (!destinations.isEmpty()) {
                s.append(", destinations ").append(destinations);
            }
            if (transport != Transport.TCP) {
                s.append(", ").append(transport);
            }
            if (!options.isEmpty()) {
                s.append(", options ").append(options);
            }
        }
        return s.append(": ").append(reason).toString();
    }

    /** Builds a {@link Decision}. */
    public static final class Builder {
        private String sourceInterface;
        private InetAddress sourceAddress;
        private final List<Destination> destinations = new ArrayList<>();
        private Transport transport = Transport.TCP;
        private final Map<SuggestedOption, Integer> options = new EnumMap<>(SuggestedOption.class);
        private String reason = "";
        private boolean reusable;

        private Builder() {
        }

        public Builder sourceInterface(String name) {
            this.sourceInterface = name;
            return this;
        }

        public Builder sourceAddress(InetAddress address) {
            this.sourceAddress = address;
            return this;
        }

        public Builder addDestination(Destination destination) {
            destinations.add(Objects.requireNonNull(destination, "destination"));
            return this;
        }

        public Builder destinations(List<Destination> values) {
            destinations.clear();
            values.forEach(this::addDestination);
            return this;
        }

        public Builder transport(Transport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * @param option the option
         * @param value  its value
         * @return this builder
         * @throws IllegalArgumentException if the value is out of the option's range
         */
        public Builder option(SuggestedOption option, int value) {
            if (!option.accepts(value)) {
                throw new IllegalArgumentException(option + " does not accept " + value);
            }
            options.put(option, value);
            return this;
        }

        /**
         * @param reason one line; line breaks are replaced by spaces
         * @return this builder
         */
        public Builder reason(String reason) {
            this.reason = Objects.requireNonNull(reason, "reason").replace('\n', ' ').replace('\r', ' ');
            return this;
        }

        /**
         * @param reusable whether the policy decides the same for the same request until the interfaces or the
         *                 policy change (default false)
         * @return this builder
         */
        public Builder reusable(boolean reusable) {
            this.reusable = reusable;
            return this;
        }

        public Decision build() {
            return new Decision(this);
        }
    }
}
