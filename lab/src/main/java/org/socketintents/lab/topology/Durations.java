package org.socketintents.lab.topology;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints the short durations of a description ("5ms", "0.5ms", "250us", "1s"). */
public final class Durations {

    private static final Pattern SYNTAX = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(us|ms|s)", Pattern.CASE_INSENSITIVE);

    private Durations() {
    }

    public static Duration parse(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration (expected e.g. 5ms, 250us, 1s): " + text);
        }
        double value = Double.parseDouble(m.group(1));
        double nanosPerUnit = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "us" -> 1e3;
            case "ms" -> 1e6;
            default -> 1e9;
        };
        return Duration.ofNanos(Math.round(value * nanosPerUnit));
    }

    /** Milliseconds with up to three decimals, e.g. "5 ms", "0.25 ms". */
    public static String millis(Duration d) {
        return millis(d.toNanos() / 1e6);
    }

    public static String millis(double ms) {
        String s = String.format(Locale.ROOT, "%.3f", ms).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + " ms";
    }
}
