package org.socketintents.siget.http;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.pool.PoolReusePolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.socketintents.client.MamClient;
import org.socketintents.client.MamClientConfig;

/**
 * Apache HttpClient wired to Socket Intents: routes planned by the policy ({@link IntentRoutePlanner}),
 * connections opened as intent sockets ({@link IntentConnectionOperator}) and pooled per route, so per local
 * address and transport. Automatic retries, content compression and HttpClient's own connection state are off:
 * siget resumes broken transfers itself, byte ranges must count the bytes of the file, and pooled connections must
 * be shareable between requests of different phases; the only state a connection carries is its transport
 * ({@link ConnectionTransport}), which the route planner and the connect set.
 */
public final class IntentHttpClient implements Closeable {

    private final MamClient mam;
    private final CloseableHttpClient client;

    /**
     * @param settings  timeouts, limits and TLS trust
     * @param mamSocket the MAM's socket; null for the library's default place
     * @param warnings  receives one line if the MAM turns out unusable
     */
    public IntentHttpClient(HttpSettings settings, Path mamSocket, Consumer<String> warnings) {
        MamClientConfig config = MamClientConfig.fromSystemProperties().toBuilder().socketPath(mamSocket).build();
        this.mam = MamClient.create(config);
        Timeout timeout = Timeout.of(settings.timeout());
        DecidedSockets sockets = new DecidedSockets(mam);
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(
                new IntentConnectionOperator(sockets, settings.tls()), PoolConcurrencyPolicy.STRICT, PoolReusePolicy.LIFO,
                TimeValue.NEG_ONE_MILLISECOND, ManagedHttpClientConnectionFactory.INSTANCE);
        // The phases of one object may take routes of their own, so the total allows for two routes in use.
        pool.setDefaultMaxPerRoute(settings.connections());
        pool.setMaxTotal(2 * settings.connections());
        pool.setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(timeout)
                .setSocketTimeout(timeout).build());
        this.client = HttpClients.custom()
                .setConnectionManager(pool)
                .setRoutePlanner(new IntentRoutePlanner(mam, new MamDecisions(mam, warnings), sockets))
                .setDefaultRequestConfig(RequestConfig.custom().setMaxRedirects(settings.maxRedirects())
                        .setResponseTimeout(timeout).build())
                .setUserAgent(settings.userAgent())
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableConnectionState()
                .build();
    }

    /** @return the client; requests carry their intents with {@link RequestIntents} */
    public CloseableHttpClient client() {
        return client;
    }

    @Override
    public void close() throws IOException {
        try {
            client.close(CloseMode.GRACEFUL);
        } finally {
            mam.close();
        }
    }
}
