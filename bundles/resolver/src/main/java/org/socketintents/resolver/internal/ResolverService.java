package org.socketintents.resolver.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.util.List;
import java.util.function.Predicate;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.socketintents.api.net.AddressFamily;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.resolver.CacheEntry;
import org.socketintents.api.resolver.MultiInterfaceResolver;
import org.socketintents.api.resolver.Resolution;

/**
 * The {@link MultiInterfaceResolver} service, configured by PID {@value #PID}. A configuration with a value out of
 * range is refused with an error in the log; the resolver goes on with the settings it had (the defaults at first).
 * The {@code mam:resolve} command ({@link ResolveCommand}) shows what it does.
 */
@Component(service = MultiInterfaceResolver.class, configurationPid = ResolverService.PID)
@Designate(ocd = ResolverService.Config.class)
public final class ResolverService implements MultiInterfaceResolver {

    static final String PID = "org.socketintents.resolver";

    private static final Logger LOG = System.getLogger(ResolverService.class.getName());

    @ObjectClassDefinition(name = "Socket Intents resolver",
            description = "Resolves host names over every interface at once, each through its own DNS servers (the"
                    + " dns key of its interface configuration; without one, the resolv.conf servers whose most"
                    + " specific route leaves through it), with a per-interface cache. Queries leave from the"
                    + " interface's source address: unless a server is on the interface's link, the host needs one"
                    + " policy-routing rule per interface (ip rule add from ADDRESS lookup TABLE).")
    public @interface Config {

        @AttributeDefinition(name = "Query timeout (ms)", min = "1", max = "60000",
                description = "How long one query to one server waits for its reply, TCP fallback included.")
        int timeout_ms() default 2000;

        @AttributeDefinition(name = "Retries", min = "0", max = "10",
                description = "How many more times an interface's server list is tried after every server failed"
                        + " once (timeout, error, unusable reply).")
        int retries() default 1;

        @AttributeDefinition(name = "TCP on truncation",
                description = "Ask again over TCP when a UDP reply is truncated. Without, a truncated reply is used"
                        + " only when it holds addresses, and never cached.")
        boolean tcp_on_truncation() default true;

        @AttributeDefinition(name = "Search domains", required = false,
                description = "Domains completing names with fewer than ndots dots, replacing resolv.conf's search"
                        + " list (several per entry separated by commas). Empty: resolv.conf's. A single '.' disables"
                        + " the search list.")
        String[] search() default {};

        @AttributeDefinition(name = "ndots", min = "0", max = "15",
                description = "Names with at least this many dots are tried as given before the search list.")
        int ndots() default 1;

        @AttributeDefinition(name = "Cache size", min = "0", max = "1000000",
                description = "Most cached answers (one per interface, name and record type); 0 disables the cache.")
        int cache_size() default 4096;

        @AttributeDefinition(name = "Maximum TTL (s)", min = "0",
                description = "The longest a positive answer is cached, whatever its TTL.")
        int cache_max_ttl_s() default 86400;

        @AttributeDefinition(name = "Maximum negative TTL (s)", min = "0",
                description = "The longest a negative answer (NXDOMAIN, no address) is cached; RFC 2308 asks for the"
                        + " SOA's TTL and MINIMUM, and for no caching without an SOA.")
        int cache_negative_max_ttl_s() default 3600;

        @AttributeDefinition(name = "Deadline (ms)", min = "1", max = "600000",
                description = "The longest a resolution waits for its interfaces, whatever the timeouts and retries"
                        + " add up to. Interfaces still pending then are reported pending.")
        int deadline_ms() default 10000;

        @AttributeDefinition(name = "resolv.conf",
                description = "Where the host's name servers and search list are read from.")
        String resolv_conf() default "/etc/resolv.conf";
    }

    private ParallelResolver resolver;

    @Activate
    void activate(Config config) {
        resolver = new ParallelResolver(read(config, ResolverSettings.defaults()), new ProcNetRoutes(),
                System::nanoTime);
    }

    @Modified
    void modified(Config config) {
        resolver.reconfigure(read(config, resolver.settings()));
    }

    @Deactivate
    void deactivate() {
        resolver.close();
    }

    private static ResolverSettings read(Config config, ResolverSettings kept) {
        try {
            return ResolverSettings.of(config);
        } catch (RuntimeException e) {
            // Out of range, or (thrown by SCR's conversion in the accessor) not a number at all.
            LOG.log(Level.ERROR, "Configuration " + PID + " refused, the resolver goes on with its current settings"
                    + " (the defaults when it starts): " + e.getMessage());
            return kept;
        }
    }

    @Override
    public Resolution resolve(String host, AddressFamily family, Interfaces interfaces,
                              Predicate<Resolution> enough) {
        return resolver.resolve(host, family, interfaces, enough);
    }

    @Override
    public List<String> learnedOn(InetAddress address) {
        return resolver.learnedOn(address);
    }

    @Override
    public List<CacheEntry> cached(String host) {
        return resolver.cached(host);
    }

    @Override
    public void clearCache() {
        resolver.clearCache();
    }
}
