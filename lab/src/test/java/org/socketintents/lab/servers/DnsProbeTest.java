package org.socketintents.lab.servers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

class DnsProbeTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void queryAsksForTheARecordWithRecursionDesired() {
        assertArrayEquals(HEX.parseHex("51ab01000001000000000000" + "046e657773036c616200" + "00010001"),
                DnsProbe.query("news.lab"));
    }

    @Test
    void readsARecordsAndSkipsOthersAndCompressedNames() throws IOException {
        byte[] reply = HEX.parseHex("51ab81800001000200000000" + "046e657773036c616200" + "00010001"
                + "c00c00010001" + "0000000a0004" + "0ac80201"
                + "c00c001c0001" + "0000000a0010" + "00000000000000000000000000000001");

        assertEquals(List.of("10.200.2.1"), DnsProbe.answers(ByteBuffer.wrap(reply)));
    }

    @Test
    void errorsAndTruncatedRepliesFail() {
        byte[] refused = HEX.parseHex("51ab81850001000000000000" + "046e657773036c616200" + "00010001");
        byte[] truncated = Arrays.copyOf(HEX.parseHex("51ab81800001000100000000" + "046e657773036c616200"
                + "00010001" + "c00c00010001"), 30);
        byte[] otherQuery = HEX.parseHex("000081800000000000000000");

        assertThrows(IOException.class, () -> DnsProbe.answers(ByteBuffer.wrap(refused)));
        assertThrows(IOException.class, () -> DnsProbe.answers(ByteBuffer.wrap(truncated)));
        assertThrows(IOException.class, () -> DnsProbe.answers(ByteBuffer.wrap(otherQuery)));
    }
}
