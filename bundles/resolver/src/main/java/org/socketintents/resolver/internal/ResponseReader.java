package org.socketintents.resolver.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.socketintents.api.resolver.InterfaceAnswer.Outcome;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Checks a reply against its query and reads what it says. A reply is refused unless it is a response to a standard
 * query with the same question and the rcode NOERROR or NXDOMAIN. Of the answer section only the CNAME chain that
 * starts at the question's name and the records of the asked type at its end count, and of the authority section
 * only an SOA of a zone the name lies in: a server cannot slip in records for other names.
 */
final class ResponseReader {

    /** Longest CNAME chain followed within one reply. */
    static final int MAX_CHAIN = 16;

    private ResponseReader() {
    }

    /**
     * @param query    the query sent
     * @param response the reply received
     * @return what the reply says
     * @throws BadReplyException if the reply does not answer the query or says the server failed
     */
    static Reply read(Message query, Message response) throws BadReplyException {
        Record question = query.getQuestion();
        check(response, question);
        Name current = question.getName();
        int type = question.getType();
        long chainTtl = Long.MAX_VALUE;
        Set<Name> seen = new HashSet<>();
        seen.add(current);
        List<Record> answers = response.getSection(Section.ANSWER);
        while (true) {
            List<InetAddress> addresses = addresses(answers, current, type);
            if (!addresses.isEmpty()) {
                return new Reply.Addresses(current, addresses, Math.min(chainTtl, addressTtl(answers, current, type)));
            }
            CNAMERecord alias = alias(answers, current);
            if (alias == null) {
                break;
            }
            chainTtl = Math.min(chainTtl, ttl(alias));
            current = alias.getTarget();
            if (!seen.add(current)) {
                throw new BadReplyException("CNAME loop at " + current);
            }
            if (seen.size() > MAX_CHAIN) {
                throw new BadReplyException("CNAME chain longer than " + MAX_CHAIN + " names");
            }
        }
        long negativeTtl = negativeTtl(response, current);
        if (response.getRcode() == Rcode.NXDOMAIN) {
            return new Reply.Negative(Outcome.NO_SUCH_NAME, negativeOrNone(chainTtl, negativeTtl));
        }
        if (!current.equals(question.getName()) && negativeTtl < 0) {
            return new Reply.Alias(current, chainTtl);
        }
        return new Reply.Negative(Outcome.NO_ADDRESS, negativeOrNone(chainTtl, negativeTtl));
    }

    private static void check(Message response, Record question) throws BadReplyException {
        if (!response.getHeader().getFlag(Flags.QR)) {
            throw new BadReplyException("not a response (QR flag clear)");
        }
        if (response.getHeader().getOpcode() != Opcode.QUERY) {
            throw new BadReplyException("response to opcode " + Opcode.string(response.getHeader().getOpcode()));
        }
        Record answered = response.getQuestion();
        if (answered == null || !answered.getName().equals(question.getName())
                || answered.getType() != question.getType() || answered.getDClass() != question.getDClass()) {
            throw new BadReplyException("reply for " + (answered == null ? "no question" : describe(answered))
                    + ", asked " + describe(question));
        }
        int rcode = response.getRcode();
        if (rcode != Rcode.NOERROR && rcode != Rcode.NXDOMAIN) {
            throw new BadReplyException("server answered " + Rcode.string(rcode));
        }
    }

    private static String describe(Record question) {
        return question.getName() + " " + Type.string(question.getType()) + " " + DClass.string(question.getDClass());
    }

    private static List<InetAddress> addresses(List<Record> answers, Name owner, int type) {
        Set<InetAddress> addresses = new LinkedHashSet<>();
        for (Record r : answers) {
            if (r.getDClass() != DClass.IN || !r.getName().equals(owner) || r.getType() != type) {
                continue;
            }
            // An AAAA record holding an IPv4-mapped address reads as an IPv4 address: not an IPv6 destination.
            if (r instanceof ARecord a && a.getAddress() instanceof Inet4Address) {
                addresses.add(a.getAddress());
            } else if (r instanceof AAAARecord aaaa && aaaa.getAddress() instanceof Inet6Address) {
                addresses.add(aaaa.getAddress());
            }
        }
        return new ArrayList<>(addresses);
    }

    private static long addressTtl(List<Record> answers, Name owner, int type) {
        long smallest = Long.MAX_VALUE;
        for (Record r : answers) {
            if (r.getDClass() == DClass.IN && r.getName().equals(owner) && r.getType() == type) {
                smallest = Math.min(smallest, ttl(r));
            }
        }
        return smallest;
    }

    private static CNAMERecord alias(List<Record> answers, Name owner) {
        for (Record r : answers) {
            if (r instanceof CNAMERecord cname && r.getDClass() == DClass.IN && r.getName().equals(owner)) {
                return cname;
            }
        }
        return null;
    }

    /** RFC 2308 section 5: the SOA's TTL, but no more than its MINIMUM field; -1 without an SOA for the name. */
    private static long negativeTtl(Message response, Name name) {
        for (Record r : response.getSection(Section.AUTHORITY)) {
            if (r instanceof SOARecord soa && r.getDClass() == DClass.IN && name.subdomain(soa.getName())) {
                return Math.min(ttl(soa), unsigned31(soa.getMinimum()));
            }
        }
        return -1;
    }

    private static long negativeOrNone(long chainTtl, long negativeTtl) {
        return negativeTtl < 0 ? -1 : Math.min(chainTtl, negativeTtl);
    }

    /** RFC 2181 section 8: a TTL with the most significant bit set counts as zero. */
    private static long ttl(Record r) {
        return unsigned31(r.getTTL());
    }

    private static long unsigned31(long value) {
        return value > Integer.MAX_VALUE ? 0 : value;
    }
}
