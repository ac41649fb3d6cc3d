package org.socketintents.resolver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.socketintents.resolver.internal.FakeDnsServer.name;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Name;

class HostNameTest {

    private static final List<Name> SEARCH = List.of(name("corp.example."), name("example."));

    private static List<String> candidates(String host, int ndots) {
        return HostName.parse(host).candidates(SEARCH, ndots).stream().map(Name::toString).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "www.example.org", "www.example.org.", "a-b.c_d.example", "WWW.Example.ORG",
        "x1.example"})
    void validNamesAreAccepted(String host) {
        HostName.parse(host);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "a..example|empty label",
        ".|no label",
        "-a.example|starts or ends with a hyphen",
        "a-.example|starts or ends with a hyphen",
        "a b.example|character ' ' is not allowed",
        "a/b.example|character '/' is not allowed",
        "a\tb.example|character '\\u0009' is not allowed",
        "192.0.2.1|is an IP address",
        "2001:db8::1|is an IP address",
        "host.123|is an IP address"
    })
    void malformedNamesAreRefusedSayingWhy(String host, String why) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HostName.parse(host));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void emptyAndMissingNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> HostName.parse(""));
        assertThrows(IllegalArgumentException.class, () -> HostName.parse(null));
    }

    @Test
    void labelsLongerThan63AndNamesLongerThan253AreRefused() {
        String label63 = "a".repeat(63);
        HostName.parse(label63 + ".example");
        IllegalArgumentException label = assertThrows(IllegalArgumentException.class,
                () -> HostName.parse("a" + label63 + ".example"));
        assertTrue(label.getMessage().contains("DNS allows 63"), label.getMessage());

        String name253 = String.join(".", label63, label63, label63, "a".repeat(61));
        assertEquals(253, name253.length());
        HostName.parse(name253);
        HostName.parse(name253 + ".");
        IllegalArgumentException name = assertThrows(IllegalArgumentException.class,
                () -> HostName.parse(name253 + "a"));
        assertTrue(name.getMessage().contains("254 characters, DNS allows 253"), name.getMessage());
    }

    @Test
    void aVeryLongNameIsShortenedInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HostName.parse("a".repeat(10_000)));
        assertTrue(e.getMessage().length() < 200, e.getMessage());
    }

    @Test
    void internationalisedNamesAreAskedInTheirAsciiForm() {
        assertEquals(List.of("xn--bcher-kva.example."), candidates("bücher.example.", 1));
    }

    @Test
    void anAbsoluteNameIsOnlyAskedAsGiven() {
        assertEquals(List.of("www.example.org."), candidates("www.example.org.", 1));
    }

    @Test
    void aNameWithFewerThanNdotsDotsTriesTheSearchListFirst() {
        assertEquals(List.of("www.corp.example.", "www.example.", "www."), candidates("www", 1));
        assertEquals(List.of("www.sub.corp.example.", "www.sub.example.", "www.sub."), candidates("www.sub", 2));
    }

    @Test
    void aNameWithNdotsDotsIsTriedAsGivenFirst() {
        assertEquals(List.of("www.sub.", "www.sub.corp.example.", "www.sub.example."), candidates("www.sub", 1));
    }

    @Test
    void theRootAsSearchDomainMeansNoSearch() {
        assertEquals(List.of("www."), HostName.parse("www").candidates(List.of(HostName.domain(".")), 1)
                .stream().map(Name::toString).toList());
    }

    @Test
    void aSearchDomainThatMakesTheNameTooLongIsLeftOut() {
        String label63 = "a".repeat(63);
        String long250 = String.join(".", label63, label63, label63, "a".repeat(58));
        assertEquals(List.of(long250 + "."), HostName.parse(long250).candidates(SEARCH, 5).stream()
                .map(Name::toString).toList());
    }
}
