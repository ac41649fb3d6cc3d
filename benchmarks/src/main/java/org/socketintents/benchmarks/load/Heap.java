package org.socketintents.benchmarks.load;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A heap setting of the MAM's JVM.
 *
 * @param label      how the report names it: {@code default} or the option, e.g. {@code -Xmx32m}
 * @param javaOption the JVM option to pass in JAVA_OPTS; empty for the JVM's default heap
 */
record Heap(String label, String javaOption) {

    static final Heap DEFAULT = new Heap("default", "");
    private static final Pattern SIZE = Pattern.compile("[1-9][0-9]*[kmg]");

    /**
     * @param text {@code default}, or a maximum heap size such as {@code 32m}
     * @throws IllegalArgumentException if the text is neither
     */
    static Heap parse(String text) {
        String size = text.trim().toLowerCase(Locale.ROOT);
        if (size.equals(DEFAULT.label)) {
            return DEFAULT;
        }
        if (!SIZE.matcher(size).matches()) {
            throw new IllegalArgumentException("not a heap setting: '" + text + "' (default, or a size such as 32m)");
        }
        return new Heap("-Xmx" + size, "-Xmx" + size);
    }
}
