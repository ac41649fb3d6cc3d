package org.socketintents.lab.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.socketintents.lab.corpus.CorpusGenerator;
import org.socketintents.lab.topology.ByteCount;

/** "lab corpus": writes the news and photo pages and the bulk file for a seed. */
final class CorpusCommand implements Command {

    private static final String SEED = "--seed";
    private static final String OUT = "--out";
    private static final String BULK_SIZE = "--bulk-size";
    private static final String NO_BULK = "--no-bulk";

    /** Where the corpus goes by default: the lab module's build directory (never committed). */
    static Path defaultDirectory() {
        return Path.of(System.getenv().getOrDefault("LAB_HOME", "."), "target", "corpus");
    }

    @Override
    public String name() {
        return "corpus";
    }

    @Override
    public String usage() {
        return "corpus [--seed 1] [--out DIR] [--bulk-size 48MiB] [--no-bulk]   generate the news and photo pages"
                + " and the bulk file (default DIR: lab/target/corpus)";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Options options = Options.parse(args, Set.of(SEED, OUT, BULK_SIZE), Set.of(NO_BULK)).atMostPositionals(0);
        long seed = options.number(SEED, 1, Long.MIN_VALUE, Long.MAX_VALUE);
        Path out = options.path(OUT, defaultDirectory());
        long bulk;
        try {
            bulk = options.flag(NO_BULK) ? 0 : ByteCount.parse(options.value(BULK_SIZE, "48MiB"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        CorpusGenerator generator = new CorpusGenerator(seed);
        generator.write(out, bulk);
        System.out.print(generator.summary(bulk));
        System.out.println("written to " + out.toAbsolutePath());
        return 0;
    }
}
