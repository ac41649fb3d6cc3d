package org.socketintents.lab.topology;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DescriptionParserTest {

    @Test
    void shippedPaperDescriptionIsThePapersTestbed() throws Exception {
        Description paper = Descriptions.load("paper");

        assertEquals(List.of("i1", "i2"), paper.links().stream().map(Link::name).toList());
        Link i1 = paper.link("i1").orElseThrow();
        Link i2 = paper.link("i2").orElseThrow();
        assertEquals(Duration.ofMillis(10), i1.rtt());
        assertEquals(Duration.ofMillis(70), i2.rtt());
        assertEquals(6_000_000, i1.down().rate().bitsPerSecond());
        assertEquals(768_000, i1.up().rate().bitsPerSecond());
        assertEquals(12_000_000, i2.down().rate().bitsPerSecond());
        assertEquals(6_000_000, i2.up().rate().bitsPerSecond());
        assertEquals(List.of("news.lab", "photo.lab", "bulk.lab"), paper.hosts());
        assertEquals(Optional.of("cubic"), paper.congestionControl());
    }

    @Test
    void shippedVariantSlowsOnlyTheFirstLinksDownstream() throws Exception {
        Description paper = Descriptions.load("paper");
        Description slow = Descriptions.load("paper-i1slow");

        assertEquals(2_000_000, slow.link("i1").orElseThrow().down().rate().bitsPerSecond());
        assertEquals(paper.link("i1").orElseThrow().up(), slow.link("i1").orElseThrow().up());
        assertEquals(paper.link("i2"), slow.link("i2"));
    }

    @Test
    void readsPerDirectionFiguresCommentsAndByteQueues() throws Exception {
        Description d = DescriptionParser.parse("""
                # two asymmetric links
                tcp-congestion-control reno
                host a.lab
                host b.lab a.lab   # duplicates are ignored
                link wifi
                  down delay 2.5ms rate 20Mbit/s queue 64KiB
                  up   delay 7500us rate 1.5Mbit queue 20000B
                link lte
                  up   queue 50ms rate 5Mbit delay 30ms
                  down delay 30ms rate 30Mbit queue 80ms
                """, "test");

        Link wifi = d.links().get(0);
        assertEquals(Duration.ofMillis(10), wifi.rtt());
        assertEquals(65_536, wifi.down().queueBytes());
        assertEquals(20_000, wifi.up().queueBytes());
        assertEquals(1_500_000, wifi.up().rate().bitsPerSecond());
        assertEquals(300_000, d.links().get(1).down().queueBytes());
        assertEquals(List.of("a.lab", "b.lab"), d.hosts());
        assertEquals(Optional.of("reno"), d.congestionControl());
        assertEquals(2, d.number(d.links().get(1)));
    }

    @Test
    void drainTimeQueuesHoldAtLeastTenPackets() {
        Pipe slow = new Pipe(Duration.ZERO, Rate.parse("768kbit"), QueueLimit.parse("100ms"));

        assertEquals(QueueLimit.MIN_BYTES, slow.queueBytes());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "link i1                                                           | 1 | no down line",
        "down delay 5ms rate 6Mbit queue 100ms                             | 1 | outside a link",
        "bogus                                                             | 1 | unknown statement",
        "link i1\\n down delay 5ms rate 6Mbit                              | 2 | lacks queue",
        "link i1\\n down delay 5ms rate 6Mbit queue 1ms delay 2ms          | 2 | delay given twice",
        "link i1\\n down delay 5ms rate 6Mbit queue 1ms colour red         | 2 | unknown key",
        "link i1\\n down delay 5ms rate 6Mbit queue 1ms rate              | 2 | key/value pairs",
        "link i1\\n down delay 5ms rate fast queue 1ms                     | 2 | not a rate",
        "link i1\\n down delay soon rate 6Mbit queue 1ms                   | 2 | not a duration",
        "link i1\\n down delay 5ms rate 6Mbit queue 1000B                  | 2 | smaller than one packet",
        "link i1\\n down delay 5ms rate 6Mbit queue lots                   | 2 | not a queue size",
        "link i1\\n down delay 5ms rate 4kbit queue 100ms                  | 2 | below 8 kbit/s",
        "link I-1\\n down delay 5ms rate 6Mbit queue 100ms\\n up delay 5ms rate 6Mbit queue 100ms | 1 | link name",
        "link i1\\n down delay 5ms rate 6Mbit queue 100ms\\n down delay 5ms rate 6Mbit queue 100ms | 3 | second down",
        "host -bad-                                                        | 1 | not a host name",
        "tcp-congestion-control                                            | 1 | tcp-congestion-control NAME",
        "link                                                              | 1 | link NAME",
    })
    void rejectsBadInputWithItsLine(String text, int line, String message) {
        DescriptionException e = assertThrows(DescriptionException.class,
                () -> DescriptionParser.parse(text.replace("\\n", "\n"), "bad.lab"));

        assertTrue(e.getMessage().startsWith("bad.lab:" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void rejectsDuplicateLinksAndEmptyDescriptions() {
        String link = "link i1\n down delay 5ms rate 6Mbit queue 100ms\n up delay 5ms rate 6Mbit queue 100ms\n";

        DescriptionException twice = assertThrows(DescriptionException.class,
                () -> DescriptionParser.parse(link + link, "dup.lab"));
        DescriptionException empty = assertThrows(DescriptionException.class,
                () -> DescriptionParser.parse("# nothing\n", "empty.lab"));

        assertTrue(twice.getMessage().contains("i1 defined twice"), twice.getMessage());
        assertTrue(empty.getMessage().contains("no link"), empty.getMessage());
    }

    @Test
    void unknownDescriptionNamesSayWhatIsShipped() {
        DescriptionException e = assertThrows(DescriptionException.class, () -> Descriptions.load("no-such-lab"));

        assertTrue(e.getMessage().contains("paper-i1slow"), e.getMessage());
    }
}
