package org.socketintents.api.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One network interface of the host: its state and addresses as scanned, and its configured
 * key/values (the paper's per-interface configuration). Immutable.
 */
public final class InterfaceDescription {

    private final String name;
    private final int index;
    private final boolean up;
    private final List<InterfacePrefix> prefixes;
    private final boolean sourceEnabled;
    private final boolean destinationEnabled;
    private final Map<String, String> properties;
    private final OptionalLong downloadBandwidth;
    private final OptionalLong uploadBandwidth;
    private final OptionalDouble rttMillis;
    private final OptionalDouble cost;
    private final List<InetAddress> dnsServers;

    private InterfaceDescription(Builder b) {
        this.name = b.name;
        this.index = b.index;
        this.up = b.up;
        this.prefixes = List.copyOf(b.prefixes);
        this.sourceEnabled = b.sourceEnabled;
        this.destinationEnabled = b.destinationEnabled;
        this.properties = Map.copyOf(b.properties);
        this.downloadBandwidth = present(InterfaceProperties.BANDWIDTH_DOWN)
                .map(v -> OptionalLong.of(InterfaceProperties.parseBitRate(v))).orElse(OptionalLong.empty());
        this.uploadBandwidth = present(InterfaceProperties.BANDWIDTH_UP)
                .map(v -> OptionalLong.of(InterfaceProperties.parseBitRate(v))).orElse(OptionalLong.empty());
        this.rttMillis = present(InterfaceProperties.RTT)
                .map(v -> OptionalDouble.of(InterfaceProperties.parseMillis(v))).orElse(OptionalDouble.empty());
        this.cost = present(InterfaceProperties.COST)
                .map(v -> OptionalDouble.of(InterfaceProperties.parseCost(v))).orElse(OptionalDouble.empty());
        this.dnsServers = present(InterfaceProperties.DNS).map(InterfaceProperties::parseAddresses).orElse(List.of());
    }

    /** @return the configured value of a key, unless it is absent or blank */
    private Optional<String> present(String key) {
        String value = properties.get(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /**
     * @param name the interface's kernel name, e.g. {@code eth0}
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** @return a builder holding this description's values */
    public Builder toBuilder() {
        Builder b = new Builder(name).index(index).up(up).sourceEnabled(sourceEnabled)
                .destinationEnabled(destinationEnabled);
        b.prefixes.addAll(prefixes);
        b.properties.putAll(properties);
        return b;
    }

    /** @return the kernel name, e.g. {@code eth0} */
    public String name() {
        return name;
    }

    /** @return the kernel's interface index, or 0 when unknown */
    public int index() {
        return index;
    }

    /** @return whether the link is up */
    public boolean isUp() {
        return up;
    }

    /** @return the addresses with their prefix lengths, in the kernel's order */
    public List<InterfacePrefix> prefixes() {
        return prefixes;
    }

    /** @return whether the configuration lets policies choose this interface as a source */
    public boolean isSourceEnabled() {
        return sourceEnabled;
    }

    /** @return whether the configuration lets destinations be resolved over this interface */
    public boolean isDestinationEnabled() {
        return destinationEnabled;
    }

    /** @return every configured key/value of this interface, well-known or not */
    public Map<String, String> properties() {
        return properties;
    }

    /** @return the configured nominal download bandwidth in bit/s */
    public OptionalLong downloadBandwidth() {
        return downloadBandwidth;
    }

    /** @return the configured nominal upload bandwidth in bit/s */
    public OptionalLong uploadBandwidth() {
        return uploadBandwidth;
    }

    /** @return the configured nominal round-trip time in milliseconds */
    public OptionalDouble rttMillis() {
        return rttMillis;
    }

    /** @return the configured relative cost */
    public OptionalDouble cost() {
        return cost;
    }

    /** @return the configured DNS servers of this interface */
    public List<InetAddress> dnsServers() {
        return dnsServers;
    }

    /**
     * @param family {@code Inet4Address.class} or {@code Inet6Address.class}
     * @return the first address of that family that a connection may be bound to (IPv6 link-local
     *         addresses are skipped: they reach only the link)
     */
    public Optional<InetAddress> sourceAddress(Class<? extends InetAddress> family) {
        for (InterfacePrefix prefix : prefixes) {
            InetAddress address = prefix.address();
            if (family.isInstance(address) && !address.isLinkLocalAddress()) {
                return Optional.of(address);
            }
        }
        return Optional.empty();
    }

    /** @return whether the interface is up, enabled as a source and has at least one usable address */
    public boolean isUsableAsSource() {
        return up && sourceEnabled
                && (sourceAddress(Inet4Address.class).isPresent() || sourceAddress(Inet6Address.class).isPresent());
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof InterfaceDescription)) {
            return false;
        }
        InterfaceDescription that = (InterfaceDescription) other;
        return index == that.index && up == that.up && sourceEnabled == that.sourceEnabled
                && destinationEnabled == that.destinationEnabled && name.equals(that.name)
                && prefixes.equals(that.prefixes) && properties.equals(that.properties);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, index, up, prefixes, sourceEnabled, destinationEnabled, properties);
    }

    @Override
    public String toString() {
        return name + (up ? " up " : " down ") + prefixes + (properties.isEmpty() ? "" : " " + properties);
    }

    /** Builds an {@link InterfaceDescription}; the interface is up and enabled both ways unless told otherwise. */
    public static final class Builder {
        private final String name;
        private int index;
        private boolean up = true;
        private final List<InterfacePrefix> prefixes = new ArrayList<>();
        private boolean sourceEnabled = true;
        private boolean destinationEnabled = true;
        private final Map<String, String> properties = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = Objects.requireNonNull(name, "name");
            if (name.isEmpty()) {
                throw new IllegalArgumentException("interface name must not be empty");
            }
        }

        public Builder index(int index) {
            this.index = index;
            return this;
        }

        public Builder up(boolean up) {
            this.up = up;
            return this;
        }

        public Builder addPrefix(InterfacePrefix prefix) {
            prefixes.add(Objects.requireNonNull(prefix, "prefix"));
            return this;
        }

        public Builder addAddress(InetAddress address, int prefixLength) {
            return addPrefix(new InterfacePrefix(address, prefixLength));
        }

        public Builder sourceEnabled(boolean enabled) {
            this.sourceEnabled = enabled;
            return this;
        }

        public Builder destinationEnabled(boolean enabled) {
            this.destinationEnabled = enabled;
            return this;
        }

        public Builder property(String key, String value) {
            properties.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder properties(Map<String, String> values) {
            values.forEach(this::property);
            return this;
        }

        /**
         * @return the description
         * @throws IllegalArgumentException if a well-known property has a value that does not parse
         */
        public InterfaceDescription build() {
            return new InterfaceDescription(this);
        }
    }
}
