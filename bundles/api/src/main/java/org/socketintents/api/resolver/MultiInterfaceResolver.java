package org.socketintents.api.resolver;

import java.net.InetAddress;
import java.util.List;
import java.util.function.Predicate;

import org.osgi.annotation.versioning.ProviderType;
import org.socketintents.api.net.AddressFamily;
import org.socketintents.api.net.Interfaces;

/**
 * Resolves host names over several interfaces in parallel, each through the DNS servers of that interface, and
 * remembers the answers per interface for as long as their TTLs allow.
 *
 * <p>The interfaces asked are those of the snapshot that are up, enabled for destinations, and have a DNS server
 * and a source address to reach it from; the others are listed in {@link Resolution#skipped()}. Thread-safe;
 * {@link #resolve} blocks its caller at most for the configured deadline.
 */
@ProviderType
public interface MultiInterfaceResolver {

    /**
     * Resolves a host name on every suitable interface at once and returns when every interface has answered,
     * when {@code enough} says so, or at the deadline, whichever comes first. Interfaces still pending then keep
     * resolving in the background, so that their answers are cached for the next request.
     *
     * @param host       a host name, absolute ({@code www.example.org.}) or subject to the search list;
     *                   internationalised names are converted to their ASCII form
     * @param family     which address records to ask for: A, AAAA or both
     * @param interfaces the interfaces to resolve over
     * @param enough     asked on the caller's thread after each interface's answer, once at least one address is
     *                   known (ending early with nothing would turn a slow answer into an unknown host); true ends
     *                   the resolution. The MAM builds it from the active policy's
     *                   {@code Policy.isResolutionComplete}, passing {@link Resolution#destinations()} and
     *                   {@link Resolution#pending()}. An exception counts as false.
     * @return the answers so far; never null, even when no interface resolved the name
     * @throws IllegalArgumentException if {@code host} is not a valid host name (the message says why) or is an
     *                                  IP address literal
     */
    Resolution resolve(String host, AddressFamily family, Interfaces interfaces, Predicate<Resolution> enough);

    /**
     * Resolves on every suitable interface and waits for all of them (or the deadline).
     *
     * @param host       a host name
     * @param family     which address records to ask for
     * @param interfaces the interfaces to resolve over
     * @return the answers
     * @throws IllegalArgumentException if {@code host} is not a valid host name
     */
    default Resolution resolve(String host, AddressFamily family, Interfaces interfaces) {
        return resolve(host, family, interfaces, resolution -> false);
    }

    /**
     * Which interfaces a destination address was learned on, so that a CONNECT to it can be kept on the interface
     * whose DNS servers gave it (CDNs answer per access network).
     *
     * @param address a destination address
     * @return the interfaces whose unexpired cached answers contain the address, the most recently learned first;
     *         empty when none does (or the cache is disabled)
     */
    List<String> learnedOn(InetAddress address);

    /**
     * What the cache holds about a host name: its entry for each interface, name the search list makes of it, and
     * record type.
     *
     * @param host a host name, as given to {@link #resolve}
     * @return the unexpired entries, with their remaining TTL
     * @throws IllegalArgumentException if {@code host} is not a valid host name
     */
    List<CacheEntry> cached(String host);

    /** Forgets every cached answer, positive and negative. */
    void clearCache();
}
