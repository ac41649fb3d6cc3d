package org.socketintents.resolver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.socketintents.resolver.internal.FakeDnsServer.name;
import static org.socketintents.resolver.internal.TestSetup.address;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
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

class ResponseReaderTest {

    private static final Name WWW = name("www.test.");
    private static final Name CDN = name("edge.cdn.example.");

    private final Message query = Message.newQuery(Record.newRecord(WWW, Type.A, DClass.IN));

    private Message response() {
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.addRecord(query.getQuestion(), Section.QUESTION);
        return response;
    }

    private static ARecord a(Name owner, long ttl, String address) {
        return new ARecord(owner, DClass.IN, ttl, address(address));
    }

    private static CNAMERecord cname(Name owner, long ttl, Name target) {
        return new CNAMERecord(owner, DClass.IN, ttl, target);
    }

    private static SOARecord soa(Name zone, long ttl, long minimum) {
        return new SOARecord(zone, DClass.IN, ttl, name("ns.test."), name("admin.test."), 1, 3600, 600, 86400,
                minimum);
    }

    @Test
    void addressesAtTheEndOfTheChainWithTheSmallestTtl() throws BadReplyException {
        Message response = response();
        response.addRecord(cname(WWW, 600, CDN), Section.ANSWER);
        response.addRecord(a(CDN, 20, "192.0.2.1"), Section.ANSWER);
        response.addRecord(a(CDN, 40, "192.0.2.2"), Section.ANSWER);
        response.addRecord(a(CDN, 40, "192.0.2.1"), Section.ANSWER);

        assertEquals(new Reply.Addresses(CDN, List.of(address("192.0.2.1"), address("192.0.2.2")), 20),
                ResponseReader.read(query, response));
    }

    @Test
    void recordsOutsideTheChainOrOfAnotherClassAreIgnored() throws BadReplyException {
        Message response = response();
        response.addRecord(a(name("victim.test."), 86400, "203.0.113.66"), Section.ANSWER);
        response.addRecord(new ARecord(WWW, DClass.CH, 300, address("203.0.113.67")), Section.ANSWER);
        response.addRecord(a(WWW, 300, "192.0.2.1"), Section.ANSWER);
        response.addRecord(a(WWW, 300, "203.0.113.68"), Section.ADDITIONAL);
        response.addRecord(a(WWW, 300, "203.0.113.69"), Section.AUTHORITY);

        assertEquals(new Reply.Addresses(WWW, List.of(address("192.0.2.1")), 300),
                ResponseReader.read(query, response));
    }

    @Test
    void anIpv4MappedAaaaRecordIsNoIpv6Address() throws BadReplyException {
        Message aaaaQuery = Message.newQuery(Record.newRecord(WWW, Type.AAAA, DClass.IN));
        Message response = new Message(aaaaQuery.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.addRecord(aaaaQuery.getQuestion(), Section.QUESTION);
        byte[] mapped = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 192, 0, 2, 1};
        response.addRecord(new AAAARecord(WWW, DClass.IN, 300, mapped), Section.ANSWER);
        response.addRecord(new AAAARecord(WWW, DClass.IN, 300, address("2001:db8::1")), Section.ANSWER);

        assertEquals(new Reply.Addresses(WWW, List.of(address("2001:db8::1")), 300),
                ResponseReader.read(aaaaQuery, response));
    }

    @Test
    void aTtlWithTheHighBitSetCountsAsZero() throws BadReplyException, IOException {
        Message response = response();
        response.addRecord(a(WWW, 300, "192.0.2.1"), Section.ANSWER);
        byte[] wire = response.toWire();
        // The A record comes last: TTL (4 bytes), RDLENGTH (2), RDATA (4).
        wire[wire.length - 10] = (byte) 0x80;

        assertEquals(0, ResponseReader.read(query, new Message(wire)).ttlSeconds());
    }

    @Test
    void nxdomainIsCachedForTheSmallerOfSoaTtlAndMinimum() throws BadReplyException {
        Message response = response();
        response.getHeader().setRcode(Rcode.NXDOMAIN);
        response.addRecord(soa(name("test."), 900, 120), Section.AUTHORITY);

        assertEquals(new Reply.Negative(Outcome.NO_SUCH_NAME, 120), ResponseReader.read(query, response));
    }

    @Test
    void anSoaOfAZoneTheNameIsNotInDoesNotCount() throws BadReplyException {
        Message response = response();
        response.getHeader().setRcode(Rcode.NXDOMAIN);
        response.addRecord(soa(name("other."), 900, 120), Section.AUTHORITY);

        assertEquals(new Reply.Negative(Outcome.NO_SUCH_NAME, -1), ResponseReader.read(query, response));
    }

    @Test
    void anEmptyNoerrorIsNoAddress() throws BadReplyException {
        Message response = response();
        response.addRecord(soa(name("test."), 60, 300), Section.AUTHORITY);

        assertEquals(new Reply.Negative(Outcome.NO_ADDRESS, 60), ResponseReader.read(query, response));
    }

    @Test
    void aChainEndingWithoutDataOrSoaIsAnAliasToFollow() throws BadReplyException {
        Message response = response();
        response.addRecord(cname(WWW, 600, CDN), Section.ANSWER);

        assertEquals(new Reply.Alias(CDN, 600), ResponseReader.read(query, response));
    }

    @Test
    void aChainEndingInNodataWithTheTargetsSoaIsNoAddress() throws BadReplyException {
        Message response = response();
        response.addRecord(cname(WWW, 600, CDN), Section.ANSWER);
        response.addRecord(soa(name("cdn.example."), 30, 300), Section.AUTHORITY);

        assertEquals(new Reply.Negative(Outcome.NO_ADDRESS, 30), ResponseReader.read(query, response));
    }

    @Test
    void aCnameLoopIsRefused() {
        Message response = response();
        response.addRecord(cname(WWW, 600, CDN), Section.ANSWER);
        response.addRecord(cname(CDN, 600, WWW), Section.ANSWER);

        assertEquals("CNAME loop at www.test.",
                assertThrows(BadReplyException.class, () -> ResponseReader.read(query, response)).getMessage());
    }

    @Test
    void anOverlongChainIsRefused() {
        Message response = response();
        Name current = WWW;
        for (int i = 0; i < ResponseReader.MAX_CHAIN; i++) {
            Name next = name("n" + i + ".test.");
            response.addRecord(cname(current, 600, next), Section.ANSWER);
            current = next;
        }

        assertThrows(BadReplyException.class, () -> ResponseReader.read(query, response));
    }

    @Test
    void aMessageThatIsNoResponseIsRefused() {
        Message response = response();
        response.getHeader().unsetFlag(Flags.QR);
        assertThrows(BadReplyException.class, () -> ResponseReader.read(query, response));

        Message update = response();
        update.getHeader().setOpcode(Opcode.UPDATE);
        assertThrows(BadReplyException.class, () -> ResponseReader.read(query, update));
    }

    @Test
    void aReplyToAnotherQuestionIsRefused() {
        for (Record other : List.of(Record.newRecord(name("victim.test."), Type.A, DClass.IN),
                Record.newRecord(WWW, Type.AAAA, DClass.IN), Record.newRecord(WWW, Type.A, DClass.CH))) {
            Message response = new Message(query.getHeader().getID());
            response.getHeader().setFlag(Flags.QR);
            response.addRecord(other, Section.QUESTION);
            response.addRecord(a(WWW, 300, "203.0.113.66"), Section.ANSWER);
            BadReplyException e = assertThrows(BadReplyException.class, () -> ResponseReader.read(query, response));
            assertEquals("reply for " + other.getName() + " " + Type.string(other.getType()) + " "
                    + DClass.string(other.getDClass()) + ", asked www.test. A IN", e.getMessage());
        }
        Message noQuestion = new Message(query.getHeader().getID());
        noQuestion.getHeader().setFlag(Flags.QR);
        assertThrows(BadReplyException.class, () -> ResponseReader.read(query, noQuestion));
    }

    @Test
    void aServerFailureIsRefusedSoThatTheNextServerIsAsked() {
        for (int rcode : new int[] {Rcode.SERVFAIL, Rcode.REFUSED, Rcode.FORMERR, Rcode.NOTIMP}) {
            Message response = response();
            response.getHeader().setRcode(rcode);
            assertEquals("server answered " + Rcode.string(rcode),
                    assertThrows(BadReplyException.class, () -> ResponseReader.read(query, response)).getMessage());
        }
    }
}
