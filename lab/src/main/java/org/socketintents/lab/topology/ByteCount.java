package org.socketintents.lab.topology;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses byte counts: "20000B", "64kB" (1000), "64KiB" (1024), "48MB", "48MiB", "1GiB". */
public final class ByteCount {

    private static final Pattern SYNTAX = Pattern.compile("(\\d+)\\s*(b|kb|kib|mb|mib|gb|gib)", Pattern.CASE_INSENSITIVE);

    private ByteCount() {
    }

    /** The count, or empty if the text is not a byte count. */
    public static Optional<Long> tryParse(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        long factor = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "b" -> 1L;
            case "kb" -> 1_000L;
            case "kib" -> 1L << 10;
            case "mb" -> 1_000_000L;
            case "mib" -> 1L << 20;
            case "gb" -> 1_000_000_000L;
            default -> 1L << 30;
        };
        return Optional.of(Math.multiplyExact(Long.parseLong(m.group(1)), factor));
    }

    public static long parse(String text) {
        return tryParse(text).orElseThrow(
                () -> new IllegalArgumentException("not a byte count (expected e.g. 64KiB, 48MiB, 20000B): " + text));
    }
}
