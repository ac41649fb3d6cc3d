package org.socketintents.lab.topology;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A link rate in bits per second; units are decimal, as in tc ("6Mbit" is 6,000,000 bit/s). */
public record Rate(long bitsPerSecond) {

    private static final Pattern SYNTAX =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(bit|kbit|mbit|gbit)(?:/s)?", Pattern.CASE_INSENSITIVE);

    public Rate {
        if (bitsPerSecond < 8_000) {
            throw new IllegalArgumentException("rate below 8 kbit/s: " + bitsPerSecond + " bit/s");
        }
    }

    /** Parses "768kbit", "6Mbit", "12Mbit/s", "1.5Mbit". */
    public static Rate parse(String text) {
        Matcher m = SYNTAX.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a rate (expected e.g. 768kbit, 6Mbit): " + text);
        }
        double value = Double.parseDouble(m.group(1));
        long factor = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "bit" -> 1L;
            case "kbit" -> 1_000L;
            case "mbit" -> 1_000_000L;
            default -> 1_000_000_000L;
        };
        return new Rate(Math.round(value * factor));
    }

    public long bytesPerSecond() {
        return bitsPerSecond / 8;
    }

    /** The rate as tc takes it, exact to the bit. */
    public String tc() {
        return bitsPerSecond + "bit";
    }

    @Override
    public String toString() {
        if (bitsPerSecond % 1_000_000 == 0) {
            return bitsPerSecond / 1_000_000 + " Mbit/s";
        }
        if (bitsPerSecond % 1_000 == 0) {
            return bitsPerSecond / 1_000 + " kbit/s";
        }
        return bitsPerSecond + " bit/s";
    }
}
