package org.socketintents.client;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

import org.socketintents.protocol.MamSocketPath;

/**
 * How the library talks to the MAM: where its socket is, how long one request may take, and how long the
 * library leaves the MAM alone after a failure. Immutable.
 *
 * <p>A RESOLVE gets a bound of its own because the MAM answers it only after DNS has: its bound has to cover
 * a DNS round trip, while a CONNECT is answered from memory in well under a millisecond.
 *
 * <p>{@link #fromSystemProperties()} is what {@link MamClient#getDefault()} uses; {@link #builder()} starts from
 * the built-in defaults.
 */
public final class MamClientConfig {

    /** System property: the longest a CONNECT request may take, in milliseconds (a positive integer). */
    public static final String TIMEOUT_PROPERTY = "socketintents.timeout.ms";
    /** System property: the longest a RESOLVE request may take, in milliseconds (a positive integer). */
    public static final String RESOLVE_TIMEOUT_PROPERTY = "socketintents.resolve.timeout.ms";
    /** System property: how long to skip the MAM after it failed, in milliseconds (zero or more). */
    public static final String BACKOFF_PROPERTY = "socketintents.backoff.ms";
    /** System property: how many reusable decisions to keep (zero or more; zero asks the MAM every time). */
    public static final String DECISION_CACHE_PROPERTY = "socketintents.decision.cache";
    /** A CONNECT the MAM has not answered after this long falls back to the OS default. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(100);
    /** A RESOLVE the MAM has not answered after this long falls back to the OS resolver. */
    public static final Duration DEFAULT_RESOLVE_TIMEOUT = Duration.ofSeconds(1);
    /** After a failure the MAM is skipped for this long, then tried again. */
    public static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
    /** How many reusable decisions the library keeps by default. */
    public static final int DEFAULT_DECISION_CACHE = 512;

    private static final System.Logger LOG = System.getLogger(MamClientConfig.class.getName());

    private final Path socketPath;
    private final Duration timeout;
    private final Duration resolveTimeout;
    private final Duration backoff;
    private final int decisionCache;

    private MamClientConfig(Builder builder) {
        this.socketPath = builder.socketPath;
        this.timeout = builder.timeout;
        this.resolveTimeout = builder.resolveTimeout;
        this.backoff = builder.backoff;
        this.decisionCache = builder.decisionCache;
    }

    /**
     * @return a builder starting from the built-in defaults (automatic socket path, 100 ms, 1 s, 1 s, 512
     *         decisions)
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The defaults, overridden by the system properties {@value #TIMEOUT_PROPERTY},
     * {@value #RESOLVE_TIMEOUT_PROPERTY}, {@value #BACKOFF_PROPERTY} and {@value #DECISION_CACHE_PROPERTY}.
     * A malformed value is reported once in the log and the default is used: a typo in a property must not
     * break the application's connections. The socket path stays automatic, which honours the system property
     * and environment variable of {@link MamSocketPath}.
     *
     * @return the configuration the system properties describe
     */
    public static MamClientConfig fromSystemProperties() {
        return from(System.getProperties());
    }

    static MamClientConfig from(Properties properties) {
        return builder()
                .timeout(millis(properties, TIMEOUT_PROPERTY, DEFAULT_TIMEOUT, 1))
                .resolveTimeout(millis(properties, RESOLVE_TIMEOUT_PROPERTY, DEFAULT_RESOLVE_TIMEOUT, 1))
                .backoff(millis(properties, BACKOFF_PROPERTY, DEFAULT_BACKOFF, 0))
                .decisionCache(count(properties, DECISION_CACHE_PROPERTY, DEFAULT_DECISION_CACHE))
                .build();
    }

    private static int count(Properties properties, String key, int fallback) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int count = Integer.parseInt(value.trim());
            if (count >= 0) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below, like a negative number
        }
        LOG.log(System.Logger.Level.WARNING, () -> "Ignoring system property " + key + "='" + value
                + "': not a whole number >= 0; using " + fallback);
        return fallback;
    }

    private static Duration millis(Properties properties, String key, Duration fallback, long minimum) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long millis = Long.parseLong(value.trim());
            if (millis >= minimum) {
                return Duration.ofMillis(millis);
            }
        } catch (NumberFormatException e) {
            // reported below, like an out-of-range number
        }
        LOG.log(System.Logger.Level.WARNING, () -> "Ignoring system property " + key + "='" + value
                + "': not a whole number of milliseconds >= " + minimum + "; using " + fallback.toMillis() + " ms");
        return fallback;
    }

    /** @return a builder holding this configuration */
    public Builder toBuilder() {
        return new Builder().socketPath(socketPath).timeout(timeout).resolveTimeout(resolveTimeout).backoff(backoff)
                .decisionCache(decisionCache);
    }

    /**
     * @return the MAM's socket path when one was set; empty means automatic: {@link MamSocketPath#forClient()},
     *         looked up again whenever a connection to the MAM is opened, so a MAM started later is found
     */
    public Optional<Path> socketPath() {
        return Optional.ofNullable(socketPath);
    }

    /** @return the longest a CONNECT request may take before the library falls back */
    public Duration timeout() {
        return timeout;
    }

    /** @return the longest a RESOLVE request may take before the library falls back */
    public Duration resolveTimeout() {
        return resolveTimeout;
    }

    /** @return how long the library skips the MAM after a failure */
    public Duration backoff() {
        return backoff;
    }

    /**
     * @return how many reusable decisions the library keeps, to apply again to identical connects without asking
     *         the MAM until the MAM says its policy or interfaces changed; zero asks for every connect
     */
    public int decisionCache() {
        return decisionCache;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof MamClientConfig)) {
            return false;
        }
        MamClientConfig that = (MamClientConfig) other;
        return Objects.equals(socketPath, that.socketPath) && timeout.equals(that.timeout)
                && resolveTimeout.equals(that.resolveTimeout) && backoff.equals(that.backoff)
                && decisionCache == that.decisionCache;
    }

    @Override
    public int hashCode() {
        return Objects.hash(socketPath, timeout, resolveTimeout, backoff, decisionCache);
    }

    @Override
    public String toString() {
        return "MamClientConfig[socket=" + (socketPath == null ? "automatic" : socketPath) + ", timeout="
                + timeout.toMillis() + " ms, resolveTimeout=" + resolveTimeout.toMillis() + " ms, backoff="
                + backoff.toMillis() + " ms, decisionCache=" + decisionCache + "]";
    }

    /** Builds a {@link MamClientConfig}. Not thread-safe. */
    public static final class Builder {
        private Path socketPath;
        private Duration timeout = DEFAULT_TIMEOUT;
        private Duration resolveTimeout = DEFAULT_RESOLVE_TIMEOUT;
        private Duration backoff = DEFAULT_BACKOFF;
        private int decisionCache = DEFAULT_DECISION_CACHE;

        private Builder() {
        }

        /**
         * @param path the MAM's socket, or null for the automatic path
         * @return this builder
         */
        public Builder socketPath(Path path) {
            this.socketPath = path;
            return this;
        }

        /**
         * @param timeout the longest a CONNECT request may take; at least one millisecond
         * @return this builder
         * @throws IllegalArgumentException if the timeout is shorter than one millisecond
         */
        public Builder timeout(Duration timeout) {
            this.timeout = checkTimeout(timeout);
            return this;
        }

        /**
         * @param timeout the longest a RESOLVE request may take; at least one millisecond
         * @return this builder
         * @throws IllegalArgumentException if the timeout is shorter than one millisecond
         */
        public Builder resolveTimeout(Duration timeout) {
            this.resolveTimeout = checkTimeout(timeout);
            return this;
        }

        private static Duration checkTimeout(Duration timeout) {
            if (timeout.toMillis() < 1) {
                throw new IllegalArgumentException("MAM timeout must be at least 1 ms: " + timeout);
            }
            return timeout;
        }

        /**
         * @param backoff how long to skip the MAM after a failure; zero tries it again on the next request
         * @return this builder
         * @throws IllegalArgumentException if the backoff is negative
         */
        public Builder backoff(Duration backoff) {
            if (backoff.isNegative()) {
                throw new IllegalArgumentException("MAM backoff must not be negative: " + backoff);
            }
            this.backoff = backoff;
            return this;
        }

        /**
         * @param decisions how many reusable decisions to keep; zero asks the MAM for every connect
         * @return this builder
         * @throws IllegalArgumentException if the number is negative
         */
        public Builder decisionCache(int decisions) {
            if (decisions < 0) {
                throw new IllegalArgumentException("decision cache size must not be negative: " + decisions);
            }
            this.decisionCache = decisions;
            return this;
        }

        public MamClientConfig build() {
            return new MamClientConfig(this);
        }
    }
}
