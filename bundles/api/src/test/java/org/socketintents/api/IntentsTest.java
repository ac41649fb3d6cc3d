package org.socketintents.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class IntentsTest {

    @Test
    void theSevenIntentsOfTable1InOrder() {
        List<String> names = Intent.standard().stream().map(Intent::name).toList();
        assertEquals(List.of("category", "filesize", "duration", "bitrate", "burstiness", "timeliness",
                "resilience"), names);
        for (int n = 1; n <= 7; n++) {
            assertEquals(n, Intent.standard(n).orElseThrow().number());
        }
        assertEquals(Optional.empty(), Intent.standard(8));
        assertEquals(List.of(Category.QUERY, Category.BULK_TRANSFER, Category.CONTROL_TRAFFIC, Category.STREAM),
                List.of(Category.values()));
        assertEquals(4, Burstiness.values().length);
        assertEquals(4, Timeliness.values().length);
        assertEquals(3, Resilience.values().length);
    }

    @Test
    void everyIntentCanBeSetAndRead() {
        Intents intents = Intents.builder()
                .category(Category.BULK_TRANSFER).fileSize(48_000_000).duration(600).bitrate(80_000)
                .burstiness(Burstiness.BULK).timeliness(Timeliness.BACKGROUND).resilience(Resilience.RESILIENT)
                .custom("x-app", "antivirus").build();

        assertEquals(Optional.of(Category.BULK_TRANSFER), intents.category());
        assertEquals(OptionalLong.of(48_000_000), intents.fileSize());
        assertEquals(OptionalLong.of(600), intents.duration());
        assertEquals(OptionalLong.of(80_000), intents.bitrate());
        assertEquals(Optional.of(Burstiness.BULK), intents.burstiness());
        assertEquals(Optional.of(Timeliness.BACKGROUND), intents.timeliness());
        assertEquals(Optional.of(Resilience.RESILIENT), intents.resilience());
        assertEquals(Map.of("x-app", "antivirus"), intents.custom());
        assertEquals(Optional.of("antivirus"), intents.get(Intent.custom("x-app")));
        assertEquals("{category=BULK_TRANSFER, filesize=48000000, duration=600, bitrate=80000, burstiness=BULK,"
                + " timeliness=BACKGROUND, resilience=RESILIENT, x-app=antivirus}", intents.toString());
    }

    @Test
    void valueSemanticsAndEmptySet() {
        Intents a = Intents.builder().category(Category.QUERY).fileSize(100).build();
        Intents b = Intents.builder().fileSize(100).category(Category.QUERY).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, a.toBuilder().remove(Intent.FILE_SIZE).build());
        assertSame(Intents.none(), Intents.builder().build());
        assertSame(Intents.none(), a.toBuilder().remove(Intent.CATEGORY).remove(Intent.FILE_SIZE).build());
        assertTrue(Intents.none().isEmpty());
        assertFalse(a.isEmpty());
    }

    @Test
    void badValuesAreRefusedClearly() {
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> Intents.builder().fileSize(-1));
        assertTrue(negative.getMessage().contains("filesize"), negative.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Intent.custom("category"));
        assertThrows(IllegalArgumentException.class, () -> Intent.custom(""));
        assertThrows(IllegalArgumentException.class, () -> Intent.custom("x".repeat(65)));
        assertThrows(IllegalArgumentException.class, () -> Intents.builder().custom("k", "v".repeat(1025)));
        @SuppressWarnings({"unchecked", "rawtypes"})
        Intent<Object> raw = (Intent) Intent.CATEGORY;
        assertThrows(IllegalArgumentException.class, () -> Intents.builder().set(raw, "query"));
        Intents.Builder full = Intents.builder();
        for (int i = 0; i < Intents.MAX_CUSTOM; i++) {
            full.custom("k" + i, "v");
        }
        assertThrows(IllegalArgumentException.class, () -> full.custom("one-more", "v"));
        full.custom("k0", "replaced");
    }

    @Test
    void valuesParseFromText() {
        assertEquals(Category.QUERY, Intent.CATEGORY.parse("query"));
        assertEquals(Category.BULK_TRANSFER, Intent.CATEGORY.parse("bulk"));
        assertEquals(Category.BULK_TRANSFER, Intent.CATEGORY.parse("bulk-transfer"));
        assertEquals(Category.CONTROL_TRAFFIC, Intent.CATEGORY.parse("CONTROL"));
        assertEquals(Timeliness.INTERACTIVE, Intent.TIMELINESS.parse("interactive"));
        assertEquals(Burstiness.RANDOM_BURSTS, Intent.BURSTINESS.parse("random"));
        assertEquals(48_000_000L, Intent.FILE_SIZE.parse("48M"));
        assertEquals(1400_000L, Intent.FILE_SIZE.parse("1400k"));
        assertEquals(15_360L, Intent.FILE_SIZE.parse("15360"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Intent.CATEGORY.parse("fast"));
        assertTrue(e.getMessage().contains("query, bulk-transfer, control-traffic, stream"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Intent.FILE_SIZE.parse("-5"));
        assertThrows(IllegalArgumentException.class, () -> Intent.FILE_SIZE.parse("9999999999999G"));
        assertEquals(Intents.builder().category(Category.STREAM).bitrate(500_000).custom("codec", "av1").build(),
                Intents.builder().parse("category", "stream").parse("bitrate", "500k").parse("codec", "av1").build());
    }

    @Test
    void intentsAreSocketOptions() {
        java.net.SocketOption<Category> option = Intent.CATEGORY;
        assertEquals("category", option.name());
        assertEquals(Category.class, option.type());
        assertEquals(Intent.custom("a"), Intent.custom("a"));
    }
}
