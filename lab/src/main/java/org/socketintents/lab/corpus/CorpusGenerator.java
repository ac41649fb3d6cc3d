package org.socketintents.lab.corpus;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The lab's web corpus, a pure function of a seed: the "news" and "photo" pages (index.html, objects, manifest.csv)
 * and a bulk file. Each part draws from its own split of the seed, so leaving the bulk file out changes no page.
 */
public final class CorpusGenerator {

    public static final long DEFAULT_BULK_BYTES = 48L << 20;
    public static final String BULK_PATH = "bulk/bulk.bin";
    public static final List<String> PAGE_NAMES = List.of(PageProfile.NEWS.name(), PageProfile.PHOTO.name());
    private static final String OBJECT_DIR = "files/";
    private static final long TINY_BYTES = 200;
    private static final long SMALL_IMAGE_BYTES = 8 * 1024;
    private static final int CHUNK = 1 << 20;
    private static final byte[] TEXT_ALPHABET =
            "abcdefghijklmnopqrstuvwxyz ;{}()=.\n".getBytes(StandardCharsets.US_ASCII);

    private final long seed;
    private final Page news;
    private final Page photo;
    private final long bulkSeed;
    private final long sweepSeed;

    public CorpusGenerator(long seed) {
        this.seed = seed;
        SplittableRandom master = new SplittableRandom(seed);
        this.news = compose(PageProfile.NEWS, master.split());
        this.photo = compose(PageProfile.PHOTO, master.split());
        this.bulkSeed = master.nextLong();
        this.sweepSeed = master.nextLong();
    }

    private CorpusGenerator(CorpusGenerator full, int stride) {
        this.seed = full.seed;
        this.news = full.news.everyNth(stride);
        this.photo = full.photo.everyNth(stride);
        this.bulkSeed = full.bulkSeed;
        this.sweepSeed = full.sweepSeed;
    }

    /** The same corpus with pages of every {@code stride}-th object (1: the full pages), for short runs. */
    public CorpusGenerator shortened(int stride) {
        return new CorpusGenerator(this, stride);
    }

    /** Where the sweep object of a size lives, relative to the corpus. */
    public static String sweepPath(long bytes) {
        return "sweep/" + bytes + ".bin";
    }

    public List<Page> pages() {
        return List.of(news, photo);
    }

    /** Sizes from the profile, kinds by size and share, then shuffled into page order and named by position. */
    static Page compose(PageProfile profile, SplittableRandom random) {
        long[] sizes = SizeModel.sizes(profile, random);
        List<long[]> drafts = new ArrayList<>();
        for (long size : sizes) {
            drafts.add(new long[] {size, kindOf(size, profile, random).ordinal()});
        }
        for (int i = drafts.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long[] swap = drafts.get(i);
            drafts.set(i, drafts.get(j));
            drafts.set(j, swap);
        }
        List<PageObject> objects = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            ObjectKind kind = ObjectKind.values()[(int) drafts.get(i)[1]];
            String path = String.format(Locale.ROOT, "%s%03d.%s", OBJECT_DIR, i, kind.extension());
            objects.add(new PageObject(path, drafts.get(i)[0], kind, random.nextLong()));
        }
        return new Page(profile, objects);
    }

    private static ObjectKind kindOf(long size, PageProfile profile, SplittableRandom random) {
        if (size < TINY_BYTES) {
            return ObjectKind.GIF;
        }
        double draw = random.nextDouble();
        if (draw < profile.scriptShare()) {
            return ObjectKind.SCRIPT;
        }
        if (draw < profile.scriptShare() + profile.styleShare()) {
            return ObjectKind.STYLE;
        }
        if (size < SMALL_IMAGE_BYTES) {
            return random.nextBoolean() ? ObjectKind.PNG : ObjectKind.GIF;
        }
        return ObjectKind.JPEG;
    }

    /** Writes both pages under {@code out/<page>/} and, if {@code bulkBytes > 0}, {@code out/bulk/bulk.bin}. */
    public void write(Path out, long bulkBytes) throws IOException {
        for (Page page : pages()) {
            writePage(out.resolve(page.profile().name()), page);
        }
        if (bulkBytes > 0) {
            writeRandom(out.resolve(BULK_PATH), bulkBytes, new SplittableRandom(bulkSeed));
        }
        Files.writeString(out.resolve("corpus.txt"), summary(bulkBytes));
    }

    private static void writePage(Path dir, Page page) throws IOException {
        Files.createDirectories(dir.resolve(OBJECT_DIR));
        StringBuilder manifest = new StringBuilder("path,bytes,kind\n");
        for (PageObject object : page.objects()) {
            Files.write(dir.resolve(object.path()), content(object));
            manifest.append(object.path()).append(',').append(object.bytes()).append(',')
                    .append(object.kind().extension()).append('\n');
        }
        Files.writeString(dir.resolve("index.html"), page.html());
        Files.writeString(dir.resolve("manifest.csv"), manifest);
    }

    static byte[] content(PageObject object) {
        SplittableRandom random = new SplittableRandom(object.contentSeed());
        byte[] bytes = new byte[(int) object.bytes()];
        if (object.kind().text()) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = TEXT_ALPHABET[random.nextInt(TEXT_ALPHABET.length)];
            }
        } else {
            random.nextBytes(bytes);
        }
        byte[] header = object.kind().header();
        System.arraycopy(header, 0, bytes, 0, Math.min(header.length, bytes.length));
        return bytes;
    }

    /** Random bytes from the generator, in chunks: a 48 MiB file needs no 48 MiB array. */
    private static void writeRandom(Path file, long bytes, SplittableRandom random) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] chunk = new byte[CHUNK];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = bytes; left > 0; left -= CHUNK) {
                random.nextBytes(chunk);
                out.write(chunk, 0, (int) Math.min(CHUNK, left));
            }
        }
    }

    /** Writes one object of each size for the file-size sweep; each object's bytes depend on seed and size only. */
    public void writeSweep(Path out, List<Long> sizes) throws IOException {
        for (long size : sizes) {
            writeRandom(out.resolve(sweepPath(size)), size, new SplittableRandom(sweepSeed + size));
        }
    }

    /** A plain-text account of what was generated, with each page's size statistics. */
    public String summary(long bulkBytes) {
        StringBuilder out = new StringBuilder("Socket Intents lab corpus, seed " + seed + "\n");
        for (Page page : pages()) {
            SizeStatistics s = SizeStatistics.of(page.objects().stream().mapToLong(PageObject::bytes).toArray());
            out.append(String.format(Locale.ROOT,
                    "%-6s %3d objects, %d B to %d B, median %.0f B, mean %.0f B, total %d B (+ index.html)%n",
                    page.profile().name(), s.count(), s.min(), s.max(), s.median(), s.mean(), s.total()));
        }
        out.append(bulkBytes > 0 ? "bulk   " + BULK_PATH + ", " + bulkBytes + " B\n" : "bulk   not generated\n");
        return out.toString();
    }
}
