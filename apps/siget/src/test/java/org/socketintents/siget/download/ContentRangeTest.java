package org.socketintents.siget.download;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentRangeTest {

    @Test
    void aRangeWithItsSize() {
        assertEquals(Optional.of(new ContentRange(0, 15359, OptionalLong.of(100_000))),
                ContentRange.parse("bytes 0-15359/100000"));
        assertEquals(15360, ContentRange.parse("bytes 0-15359/100000").orElseThrow().length());
    }

    @Test
    void aRangeOfAnUnknownSize() {
        assertEquals(Optional.of(new ContentRange(15360, 19999, OptionalLong.empty())),
                ContentRange.parse("Bytes 15360-19999/*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "bytes", "bytes 5-4/10", "bytes 0-10/10", "bytes */10", "items 0-1/2",
            "bytes 0-99999999999999999999/*"})
    void malformedRangesAreRejected(String header) {
        assertEquals(Optional.empty(), ContentRange.parse(header));
    }

    @Test
    void anUnsatisfiedRangeGivesTheSize() {
        assertEquals(OptionalLong.of(0), ContentRange.unsatisfiedSize("bytes */0"));
        assertEquals(OptionalLong.empty(), ContentRange.unsatisfiedSize("bytes 0-1/2"));
        assertEquals(OptionalLong.empty(), ContentRange.unsatisfiedSize(null));
    }
}
