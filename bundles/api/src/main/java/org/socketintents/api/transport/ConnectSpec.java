package org.socketintents.api.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Destination;
import org.socketintents.api.policy.SuggestedOption;
import org.socketintents.api.policy.Transport;

/**
 * How to open one stream connection natively: the remote addresses in the order to try them, the transport, an
 * optional source address and device, the socket options to set before connecting, and the time each address is
 * given. Immutable; the builder checks every value, so a spec that exists can be attempted.
 */
public final class ConnectSpec {

    /** The time each address is given when the spec does not say. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Longest interface name Linux accepts (IFNAMSIZ - 1). */
    private static final int MAX_DEVICE_NAME_LENGTH = 15;

    private final List<InetSocketAddress> remotes;
    private final Transport transport;
    private final InetAddress sourceAddress;
    private final String device;
    private final Map<SuggestedOption, Integer> options;
    private final Duration connectTimeout;

    private ConnectSpec(Builder b) {
        this.remotes = List.copyOf(b.remotes);
        this.transport = b.transport;
        this.sourceAddress = b.sourceAddress;
        this.device = b.device;
        this.options = b.options.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(b.options));
        this.connectTimeout = b.connectTimeout;
    }

    /** @return a builder */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the remote addresses, in the order to try them; never empty */
    public List<InetSocketAddress> remotes() {
        return remotes;
    }

    /** @return the transport asked for; MPTCP falls back to TCP where the kernel or the peer lacks it */
    public Transport transport() {
        return transport;
    }

    /** @return the source address to bind before connecting, if any (port chosen by the kernel) */
    public Optional<InetAddress> sourceAddress() {
        return Optional.ofNullable(sourceAddress);
    }

    /** @return the interface to bind the socket to (SO_BINDTODEVICE), if any */
    public Optional<String> device() {
        return Optional.ofNullable(device);
    }

    /** @return socket options to set before connecting */
    public Map<SuggestedOption, Integer> options() {
        return options;
    }

    /** @return how long each remote address is given to answer */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof ConnectSpec)) {
            return false;
        }
        ConnectSpec that = (ConnectSpec) other;
        return remotes.equals(that.remotes) && transport == that.transport
                && Objects.equals(sourceAddress, that.sourceAddress) && Objects.equals(device, that.device)
                && options.equals(that.options) && connectTimeout.equals(that.connectTimeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(remotes, transport, sourceAddress, device, options, connectTimeout);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(transport.name()).append(" to ").append(remotes);
        if (sourceAddress != null) {
            s.append(" from ").append(sourceAddress.getHostAddress());
        }
        if (device != null) {
            s.append(" on ").append(device);
        }
        if (!options.isEmpty()) {
            s.append(", options ").append(options);
        }
        return s.append(", timeout ").append(connectTimeout.toMillis()).append(" ms").toString();
    }

    /** Builds a {@link ConnectSpec}. Every setter rejects a bad value at once, with the reason. */
    public static final class Builder {
        private final List<InetSocketAddress> remotes = new ArrayList<>();
        private Transport transport = Transport.TCP;
        private InetAddress sourceAddress;
        private String device;
        private final Map<SuggestedOption, Integer> options = new EnumMap<>(SuggestedOption.class);
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

        private Builder() {
        }

        /**
         * @param remote a resolved address with a port, appended to those to try
         * @return this builder
         * @throws IllegalArgumentException if the address is unresolved or its port is 0
         */
        public Builder remote(InetSocketAddress remote) {
            Objects.requireNonNull(remote, "remote");
            if (remote.isUnresolved()) {
                throw new IllegalArgumentException("unresolved remote address " + remote);
            }
            if (remote.getPort() == 0) {
                throw new IllegalArgumentException("remote address " + remote + " has no port");
            }
            remotes.add(remote);
            return this;
        }

        /**
         * @param values the addresses to try, in order, replacing those set so far
         * @return this builder
         */
        public Builder remotes(List<InetSocketAddress> values) {
            remotes.clear();
            values.forEach(this::remote);
            return this;
        }

        public Builder transport(Transport value) {
            this.transport = Objects.requireNonNull(value, "transport");
            return this;
        }

        /**
         * @param address the source address to bind, or null for the kernel's choice
         * @return this builder
         */
        public Builder sourceAddress(InetAddress address) {
            this.sourceAddress = address;
            return this;
        }

        /**
         * @param name an interface name for SO_BINDTODEVICE, or null for none
         * @return this builder
         * @throws IllegalArgumentException if Linux would reject the name
         */
        public Builder device(String name) {
            if (name != null && !isValidDeviceName(name)) {
                throw new IllegalArgumentException("not a valid interface name: \"" + name + "\"");
            }
            this.device = name;
            return this;
        }

        /**
         * @param option the option
         * @param value  its value
         * @return this builder
         * @throws IllegalArgumentException if the value is out of the option's range
         */
        public Builder option(SuggestedOption option, int value) {
            Objects.requireNonNull(option, "option");
            if (!option.accepts(value)) {
                throw new IllegalArgumentException(option + " does not accept " + value);
            }
            options.put(option, value);
            return this;
        }

        /**
         * @param values options and values, added to those set so far
         * @return this builder
         */
        public Builder options(Map<SuggestedOption, Integer> values) {
            values.forEach(this::option);
            return this;
        }

        /**
         * @param timeout how long each remote address is given, positive and at most {@link Integer#MAX_VALUE} ms
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("connect timeout out of range: " + timeout);
            }
            this.connectTimeout = timeout;
            return this;
        }

        /**
         * Takes over what a policy decided: its source address, its source interface as the device to bind to, its
         * transport and options, and its destinations (with {@code port}) when it ordered any; the remotes set so far
         * stay when it did not.
         *
         * @param decision the decision
         * @param port     the port to connect to on each destination
         * @return this builder
         */
        public Builder decision(Decision decision, int port) {
            decision.sourceAddress().ifPresent(this::sourceAddress);
            decision.sourceInterface().ifPresent(this::device);
            transport(decision.transport());
            options(decision.options());
            if (!decision.destinations().isEmpty()) {
                remotes.clear();
                for (Destination destination : decision.destinations()) {
                    remote(new InetSocketAddress(destination.address(), port));
                }
            }
            return this;
        }

        /**
         * @return the spec
         * @throws IllegalStateException if no remote address was given
         */
        public ConnectSpec build() {
            if (remotes.isEmpty()) {
                throw new IllegalStateException("a connect needs at least one remote address");
            }
            return new ConnectSpec(this);
        }

        /** Linux's dev_valid_name (1 to 15 bytes, not "." or "..", no '/', ':' or white space), in printable ASCII. */
        private static boolean isValidDeviceName(String name) {
            if (name.isEmpty() || name.length() > MAX_DEVICE_NAME_LENGTH || name.equals(".") || name.equals("..")) {
                return false;
            }
            return name.chars().allMatch(c -> c > ' ' && c < 0x7f && c != '/' && c != ':');
        }
    }
}
