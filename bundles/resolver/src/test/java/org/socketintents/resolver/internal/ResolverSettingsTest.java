package org.socketintents.resolver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Name;

class ResolverSettingsTest {

    @Test
    void theDefaults() {
        ResolverSettings defaults = ResolverSettings.defaults();

        assertEquals(new QueryPolicy(Duration.ofSeconds(2), 1, true), defaults.queries());
        assertEquals(List.of(), defaults.search());
        assertEquals(1, defaults.ndots());
        assertEquals(4096, defaults.cacheSize());
        assertEquals(86_400, defaults.maxTtlSeconds());
        assertEquals(3_600, defaults.maxNegativeTtlSeconds());
        assertEquals(Duration.ofSeconds(10), defaults.deadline());
        assertEquals(Path.of("/etc/resolv.conf"), defaults.resolvConf());
        assertEquals(53, defaults.port());
        assertEquals(defaults, ResolverSettings.of(Configs.resolver(Map.of())));
    }

    @Test
    void searchDomainsAreMadeAbsoluteAndADotMeansNone() {
        assertEquals(List.of(FakeDnsServer.name("corp.example."), FakeDnsServer.name("example.")),
                ResolverSettings.of(Configs.resolver(Map.of("search", new String[] {"corp.example", " example."})))
                        .search());
        assertEquals(List.of(FakeDnsServer.name("corp.example."), FakeDnsServer.name("example.")),
                ResolverSettings.of(Configs.resolver(Map.of("search", new String[] {"corp.example, example"})))
                        .search());
        assertEquals(List.of(), ResolverSettings.of(Configs.resolver(Map.of("search", new String[] {""}))).search());
        assertEquals(List.of(Name.root),
                ResolverSettings.of(Configs.resolver(Map.of("search", new String[] {"."}))).search());
    }

    @ParameterizedTest
    @CsvSource({
        "timeout.ms, 0, 'timeout.ms: 0 is out of 1..60000'",
        "retries, 11, 'retries: 11 is out of 0..10'",
        "ndots, -1, 'ndots: -1 is out of 0..15'",
        "cache.size, -1, 'cache.size: -1 is out of 0..1000000'",
        "cache.max.ttl.s, -5, 'cache.max.ttl.s: -5 is out of 0..2147483647'",
        "deadline.ms, 0, 'deadline.ms: 0 is out of 1..600000'"
    })
    void valuesOutOfRangeAreRefusedNamingTheKey(String key, int value, String message) {
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> ResolverSettings.of(Configs.resolver(Map.of(key, value)))).getMessage());
    }

    @Test
    void aBadSearchDomainOrAnEmptyResolvConfPathIsRefused() {
        assertEquals("search: 'bad..domain' is not a valid host name: empty label",
                assertThrows(IllegalArgumentException.class, () -> ResolverSettings.of(Configs.resolver(
                        Map.of("search", new String[] {"bad..domain"})))).getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> ResolverSettings.of(Configs.resolver(Map.of("resolv.conf", " "))));
    }
}
