package org.socketintents.lab.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorpusGeneratorTest {

    private static final long KIB = 1024;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 42, 20131209, -7})
    void newsPageHasThePapersStatistics(long seed) {
        SizeStatistics s = statistics(new CorpusGenerator(seed).pages().get(0));

        assertEquals(130, s.count());
        assertEquals(48, s.min());
        assertEquals(263 * KIB, s.max());
        assertEquals(6 * KIB, s.median(), 1.0);
        assertEquals(21 * KIB, s.mean(), 0.01);
        assertTrue(s.total() > 2_700_000 && s.total() < 2_950_000, "about 2.8 MB: " + s.total());
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 42, 20131209, -7})
    void photoPageHasThePapersStatistics(long seed) {
        SizeStatistics s = statistics(new CorpusGenerator(seed).pages().get(1));

        assertEquals(30, s.count());
        assertEquals(43, s.min());
        assertEquals(572 * KIB, s.max());
        assertEquals(65 * KIB, s.median(), 1.0);
        assertEquals(94 * KIB, s.mean(), 0.01);
        assertTrue(s.total() > 2_700_000 && s.total() < 2_950_000, "about 2.8 MB: " + s.total());
    }

    @Test
    void largestObjectIsUniqueAndSizesAreSpreadLikeAWebPage() {
        long[] sizes = new CorpusGenerator(1).pages().get(0).objects().stream().mapToLong(PageObject::bytes)
                .sorted().toArray();

        assertTrue(sizes[sizes.length - 2] < sizes[sizes.length - 1]);
        long small = Arrays.stream(sizes).filter(b -> b < 1024).count();
        long large = Arrays.stream(sizes).filter(b -> b > 100 * 1024).count();
        assertTrue(small >= 5 && large >= 2, "small " + small + ", large " + large);
    }

    @Test
    void sameSeedSamePagesOtherSeedOtherPages() {
        assertEquals(new CorpusGenerator(7).pages(), new CorpusGenerator(7).pages());
        assertNotEquals(new CorpusGenerator(7).pages(), new CorpusGenerator(8).pages());
    }

    @Test
    void writtenCorpusIsByteForByteReproducible(@TempDir Path dir) throws IOException {
        new CorpusGenerator(3).write(dir.resolve("a"), 3 << 20);
        new CorpusGenerator(3).write(dir.resolve("b"), 3 << 20);
        new CorpusGenerator(4).write(dir.resolve("c"), 0);

        Map<String, byte[]> a = files(dir.resolve("a"));
        Map<String, byte[]> b = files(dir.resolve("b"));
        assertEquals(a.keySet(), b.keySet());
        a.forEach((name, bytes) -> assertArrayEquals(bytes, b.get(name), name));
        assertEquals(3 << 20, a.get("bulk/bulk.bin").length);
        assertTrue(!Files.exists(dir.resolve("c/bulk")));
        assertNotEquals(new String(a.get("news/manifest.csv")), Files.readString(dir.resolve("c/news/manifest.csv")));
    }

    @Test
    void aShortenedCorpusKeepsEveryNthObjectUnchangedAndTheRestOfTheCorpus() {
        CorpusGenerator full = new CorpusGenerator(9);
        CorpusGenerator shortened = full.shortened(3);

        List<PageObject> news = full.pages().get(0).objects();
        List<PageObject> kept = shortened.pages().get(0).objects();
        assertEquals((news.size() + 2) / 3, kept.size());
        for (int i = 0; i < kept.size(); i++) {
            assertEquals(news.get(3 * i), kept.get(i));
        }
        assertEquals(full.pages(), full.shortened(1).pages());
        assertEquals(full.summary(0).lines().findFirst(), shortened.summary(0).lines().findFirst());
        assertThrows(IllegalArgumentException.class, () -> full.shortened(0));
    }

    @Test
    void leavingOutTheBulkFileChangesNoPage(@TempDir Path dir) throws IOException {
        new CorpusGenerator(5).write(dir.resolve("with"), 1 << 20);
        new CorpusGenerator(5).write(dir.resolve("without"), 0);

        Map<String, byte[]> with = files(dir.resolve("with/news"));
        files(dir.resolve("without/news")).forEach((name, bytes) -> assertArrayEquals(with.get(name), bytes, name));
    }

    @Test
    void indexReferencesEveryObjectAndFilesHaveTheManifestSizes(@TempDir Path dir) throws IOException {
        CorpusGenerator generator = new CorpusGenerator(11);
        generator.write(dir, 0);

        for (Page page : generator.pages()) {
            Path pageDir = dir.resolve(page.profile().name());
            String html = Files.readString(pageDir.resolve("index.html"));
            List<String> manifest = Files.readAllLines(pageDir.resolve("manifest.csv"));
            assertEquals(page.objects().size() + 1, manifest.size());
            for (PageObject object : page.objects()) {
                assertTrue(html.contains("\"" + object.path() + "\""), object.path());
                assertEquals(object.bytes(), Files.size(pageDir.resolve(object.path())), object.path());
                assertTrue(manifest.contains(object.path() + "," + object.bytes() + "," + object.kind().extension()));
            }
        }
    }

    @Test
    void objectsStartLikeTheirKind() {
        PageObject gif = new PageObject("files/000.gif", 48, ObjectKind.GIF, 1);
        PageObject script = new PageObject("files/001.js", 500, ObjectKind.SCRIPT, 2);

        assertEquals("GIF89a", new String(CorpusGenerator.content(gif), 0, 6, StandardCharsets.US_ASCII));
        byte[] js = CorpusGenerator.content(script);
        for (byte b : js) {
            assertTrue(b >= '\n' && b < 127, "text content");
        }
    }

    private static SizeStatistics statistics(Page page) {
        return SizeStatistics.of(page.objects().stream().mapToLong(PageObject::bytes).toArray());
    }

    private static Map<String, byte[]> files(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
