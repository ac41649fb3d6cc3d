package org.socketintents.resolver.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import org.socketintents.api.net.AddressFamily;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.resolver.Resolution;

/**
 * Resolution latency with and without early completion, on two loopback "links" whose DNS servers answer after
 * 10 ms (i1) and 70 ms (i2), the paper's RTTs; the cache is off so that every resolution asks both. A benchmark to
 * run by hand, not a test:
 *
 * <pre>
 * mvn -q -pl bundles/resolver test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp bundles/resolver/target/test-classes:bundles/resolver/target/classes:$(cat bundles/resolver/target/cp.txt) \
 *     org.socketintents.resolver.internal.EarlyCompletionBenchmark 200
 * </pre>
 */
public final class EarlyCompletionBenchmark {

    private EarlyCompletionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path dir = Files.createTempDirectory("early-completion");
        try (FakeDnsServer near = FakeDnsServer.start("127.0.0.53", 0);
             FakeDnsServer far = FakeDnsServer.start("127.0.0.54", near.port())) {
            near.add("www.test.", "A", 300, "192.0.2.1").delay(Duration.ofMillis(10));
            far.add("www.test.", "A", 300, "198.51.100.2").delay(Duration.ofMillis(70));
            Path resolvConf = Files.writeString(dir.resolve("resolv.conf"), "");
            TestSetup setup = new TestSetup(resolvConf, near.port()).cacheSize(0);
            Interfaces links = TestSetup.interfaces(TestSetup.link("i1", "127.0.0.1", "127.0.0.53"),
                    TestSetup.link("i2", "127.0.0.2", "127.0.0.54"));
            try (ParallelResolver resolver = new ParallelResolver(setup.settings(), List::of, System::nanoTime)) {
                measure(resolver, links, rounds / 10, r -> false);
                double[] all = measure(resolver, links, rounds, r -> false);
                double[] early = measure(resolver, links, rounds, r -> r.answer("i1").isPresent());
                report("wait for every interface", all);
                report("early completion (i1 preferred)", early);
                System.out.printf("ratio of medians: %.2f%n", median(all) / median(early));
            }
        }
    }

    private static double[] measure(ParallelResolver resolver, Interfaces links, int rounds,
                                    Predicate<Resolution> enough) {
        double[] millis = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            Resolution resolution = resolver.resolve("www.test.", AddressFamily.INET, links, enough);
            millis[i] = (System.nanoTime() - start) / 1e6;
            if (!resolution.hasAddresses()) {
                throw new IllegalStateException("no answer: " + resolution);
            }
        }
        return millis;
    }

    private static void report(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        System.out.printf("%-34s n=%d  p50 %.1f ms  p90 %.1f ms  max %.1f ms%n", what, sorted.length,
                median(sorted), sorted[(int) (sorted.length * 0.9)], sorted[sorted.length - 1]);
    }

    private static double median(double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
