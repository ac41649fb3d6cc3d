package org.socketintents.client;

import java.util.Objects;

import org.socketintents.client.internal.MamAdvisor;

/**
 * The library's connection to the MAM: a few pooled Unix domain socket connections, the time bound on each
 * request and the backoff after failures. Thread-safe; sockets, factories and resolvers share one client.
 *
 * <p>Most applications use {@link #getDefault()}, configured by system properties. A client of one's own, from
 * {@link #create(MamClientConfig)}, suits tests and applications that talk to a MAM at a particular path.
 */
public final class MamClient implements AutoCloseable {

    private final MamClientConfig config;
    private final MamAdvisor advisor;
    private final boolean shared;

    private MamClient(MamClientConfig config, boolean shared) {
        this.config = config;
        this.advisor = new MamAdvisor(config);
        this.shared = shared;
    }

    /** @return the client shared by the whole JVM, configured by {@link MamClientConfig#fromSystemProperties()} */
    public static MamClient getDefault() {
        return Shared.INSTANCE;
    }

    /**
     * @param config where the MAM is and how long to wait for it
     * @return a new client; close it when done
     */
    public static MamClient create(MamClientConfig config) {
        return new MamClient(Objects.requireNonNull(config, "config"), false);
    }

    /** @return the configuration */
    public MamClientConfig config() {
        return config;
    }

    /** @return whether the MAM answered the latest request, counters and the last failure */
    public MamStatus status() {
        return advisor.status();
    }

    /**
     * Closes the pooled connections. Sockets that use a closed client still connect, the OS default way.
     *
     * @throws UnsupportedOperationException on the {@link #getDefault() default client}, which other code
     *                                       in the JVM shares
     */
    @Override
    public void close() {
        if (shared) {
            throw new UnsupportedOperationException("the default MamClient is shared by the JVM and stays open");
        }
        advisor.close();
    }

    MamAdvisor advisor() {
        return advisor;
    }

    @Override
    public String toString() {
        return "MamClient[" + config + "]";
    }

    /** Created on first use, so that merely loading the library reads no properties. */
    private static final class Shared {
        static final MamClient INSTANCE = new MamClient(MamClientConfig.fromSystemProperties(), true);
    }
}
