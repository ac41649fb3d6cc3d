package org.socketintents.resolver.internal;

import java.net.InetAddress;
import java.util.List;

import org.socketintents.api.resolver.InterfaceAnswer.Outcome;
import org.xbill.DNS.Name;

/** What a validated reply says about the question it answers. */
sealed interface Reply permits Reply.Addresses, Reply.Negative, Reply.Alias {

    /** @return the smallest TTL of the records the reply rests on; -1 when it must not be cached */
    long ttlSeconds();

    /**
     * The name, or the end of its CNAME chain, has addresses.
     *
     * @param owner      the name the addresses belong to
     * @param addresses  the addresses, without repetitions
     * @param ttlSeconds the smallest TTL along the chain and of the addresses
     */
    record Addresses(Name owner, List<InetAddress> addresses, long ttlSeconds) implements Reply {
        public Addresses {
            addresses = List.copyOf(addresses);
        }
    }

    /**
     * The name, or the end of its CNAME chain, does not exist or has no record of the type.
     *
     * @param outcome    {@link Outcome#NO_SUCH_NAME} or {@link Outcome#NO_ADDRESS}
     * @param ttlSeconds the negative-caching TTL (RFC 2308), or -1 when the reply held no SOA of the name's zone
     */
    record Negative(Outcome outcome, long ttlSeconds) implements Reply {
    }

    /**
     * The name is an alias whose target the reply does not resolve: ask again for the target.
     *
     * @param target     the end of the CNAME chain
     * @param ttlSeconds the smallest TTL along the chain
     */
    record Alias(Name target, long ttlSeconds) implements Reply {
    }
}
