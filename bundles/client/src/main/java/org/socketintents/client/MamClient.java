package org.socketintents.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;

import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.client.internal.MamAdvisor;
import org.socketintents.protocol.StatsReply;

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

    /**
     * Asks the MAM's policy how to connect to an address, before any socket exists: for applications that plan
     * their connections ahead (e.g. an HTTP client choosing which pooled connection to reuse) and then follow the
     * decision with {@link IntentSocket#connect(java.net.SocketAddress, int, Decision)}, or apply it to sockets of
     * their own. Advisory, like every request: bounded by the configured timeout.
     *
     * @param remote  the resolved address and port the application will connect to
     * @param host    the host name it was resolved from, or null
     * @param intents the intents of the connection
     * @return the policy's decision; empty when the MAM gave none (absent, slow, failing), and the application
     *         connects the OS default way
     * @throws IllegalArgumentException if {@code remote} is unresolved
     */
    public Optional<Decision> decide(InetSocketAddress remote, String host, Intents intents) {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(intents, "intents");
        if (remote.isUnresolved()) {
            throw new IllegalArgumentException("a decision is made for a resolved address, not " + remote);
        }
        return advisor.connect(remote, host, null, intents);
    }

    /**
     * The MAM's interface statistics: per interface its effective figures (what policies use), its measured
     * traffic and that of each of its prefixes, as many as fit in one reply ({@link StatsReply#omitted()} counts
     * the others; ask per interface for them). A diagnostic, not advice: failures are reported, not hidden.
     *
     * @return the statistics of every interface
     * @throws IOException if the MAM cannot be reached or does not answer within the timeout, or answers with an
     *                     error (e.g. {@code UNAVAILABLE} when it runs no statistics collector); the message says
     */
    public StatsReply stats() throws IOException {
        return advisor.stats(null);
    }

    /**
     * As {@link #stats()}, for one interface.
     *
     * @param interfaceName the interface
     * @return its statistics; no scopes when the MAM does not know it
     * @throws IllegalArgumentException if the name is not one the protocol can carry
     * @throws IOException              as for {@link #stats()}
     */
    public StatsReply stats(String interfaceName) throws IOException {
        return advisor.stats(Objects.requireNonNull(interfaceName, "interfaceName"));
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
