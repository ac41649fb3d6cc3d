package org.socketintents.resolver.internal;

import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.xbill.DNS.Name;

/**
 * The resolver's configuration, checked.
 *
 * @param queries               how queries are sent
 * @param search                the search domains replacing resolv.conf's; empty to use resolv.conf's
 * @param ndots                 the dots a name needs to be tried as given before the search list
 * @param cacheSize             the most cached answers; 0 disables the cache
 * @param maxTtlSeconds         the longest a positive answer is cached
 * @param maxNegativeTtlSeconds the longest a negative answer is cached
 * @param deadline              the longest a resolution waits for its interfaces
 * @param resolvConf            the resolv.conf file
 * @param port                  the DNS servers' port
 */
record ResolverSettings(QueryPolicy queries, List<Name> search, int ndots, int cacheSize, long maxTtlSeconds,
                        long maxNegativeTtlSeconds, Duration deadline, Path resolvConf, int port) {

    static final int DNS_PORT = 53;

    ResolverSettings {
        search = List.copyOf(search);
    }

    /** @return the settings of the configuration's default values */
    static ResolverSettings defaults() {
        return of((ResolverService.Config) Proxy.newProxyInstance(ResolverService.Config.class.getClassLoader(),
                new Class<?>[] {ResolverService.Config.class}, (proxy, method, arguments) -> method.getDefaultValue()));
    }

    /**
     * @param config the component's configuration
     * @return the settings it describes, on port 53
     * @throws IllegalArgumentException naming the first key whose value is out of range
     */
    static ResolverSettings of(ResolverService.Config config) {
        List<Name> search = new ArrayList<>();
        for (String entry : config.search()) {
            // A .cfg file gives one string: several domains in it are separated by commas or spaces.
            for (String domain : entry.strip().split("[,\\s]+")) {
                if (domain.isEmpty()) {
                    continue;
                }
                try {
                    search.add(HostName.domain(domain));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("search: " + e.getMessage(), e);
                }
            }
        }
        if (config.resolv_conf().isBlank()) {
            throw new IllegalArgumentException("resolv.conf: empty path");
        }
        return new ResolverSettings(
                new QueryPolicy(Duration.ofMillis(inRange("timeout.ms", config.timeout_ms(), 1, 60_000)),
                        inRange("retries", config.retries(), 0, 10), config.tcp_on_truncation()),
                search,
                inRange("ndots", config.ndots(), 0, 15),
                inRange("cache.size", config.cache_size(), 0, 1_000_000),
                inRange("cache.max.ttl.s", config.cache_max_ttl_s(), 0, Integer.MAX_VALUE),
                inRange("cache.negative.max.ttl.s", config.cache_negative_max_ttl_s(), 0, Integer.MAX_VALUE),
                Duration.ofMillis(inRange("deadline.ms", config.deadline_ms(), 1, 600_000)),
                Path.of(config.resolv_conf()),
                DNS_PORT);
    }

    private static int inRange(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(key + ": " + value + " is out of " + min + ".." + max);
        }
        return value;
    }
}
