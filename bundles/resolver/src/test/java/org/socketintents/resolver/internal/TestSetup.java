package org.socketintents.resolver.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.Interfaces;
import org.xbill.DNS.Name;

/** Settings and interfaces for tests, with short timeouts. */
final class TestSetup {

    private Duration timeout = Duration.ofSeconds(2);
    private int retries;
    private boolean tcpOnTruncation = true;
    private final List<Name> search = new ArrayList<>();
    private int ndots = 1;
    private int cacheSize = 100;
    private long maxTtl = 86_400;
    private long maxNegativeTtl = 3_600;
    private Duration deadline = Duration.ofSeconds(10);
    private final Path resolvConf;
    private final int port;

    TestSetup(Path resolvConf, int port) {
        this.resolvConf = resolvConf;
        this.port = port;
    }

    TestSetup timeout(Duration value) {
        timeout = value;
        return this;
    }

    TestSetup retries(int value) {
        retries = value;
        return this;
    }

    TestSetup tcpOnTruncation(boolean value) {
        tcpOnTruncation = value;
        return this;
    }

    TestSetup search(String... domains) {
        for (String domain : domains) {
            search.add(HostName.domain(domain));
        }
        return this;
    }

    TestSetup ndots(int value) {
        ndots = value;
        return this;
    }

    TestSetup cacheSize(int value) {
        cacheSize = value;
        return this;
    }

    TestSetup maxTtl(long positive, long negative) {
        maxTtl = positive;
        maxNegativeTtl = negative;
        return this;
    }

    TestSetup deadline(Duration value) {
        deadline = value;
        return this;
    }

    ResolverSettings settings() {
        return new ResolverSettings(new QueryPolicy(timeout, retries, tcpOnTruncation), search, ndots, cacheSize,
                maxTtl, maxNegativeTtl, deadline, resolvConf, port);
    }

    /**
     * @param name    the interface name
     * @param source  its address (a /8 on loopback)
     * @param servers its {@code dns} key, or null for none
     */
    static InterfaceDescription link(String name, String source, String servers) {
        try {
            InterfaceDescription.Builder b = InterfaceDescription.builder(name)
                    .addAddress(InetAddress.getByName(source), 8);
            if (servers != null) {
                b.property("dns", servers);
            }
            return b.build();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static Interfaces interfaces(InterfaceDescription... links) {
        return new Interfaces(1, List.of(links));
    }

    static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
