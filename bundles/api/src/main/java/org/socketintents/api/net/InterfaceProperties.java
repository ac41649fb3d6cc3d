package org.socketintents.api.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The well-known per-interface configuration keys and the parsing of their values.
 *
 * <p>Any other key is kept as a string for policies that know it.
 */
public final class InterfaceProperties {

    /** Nominal download bandwidth in bit/s; accepts k, M and G suffixes (powers of 1000), e.g. {@code 6M}. */
    public static final String BANDWIDTH_DOWN = "bandwidth.down";
    /** Nominal upload bandwidth in bit/s, same syntax as {@link #BANDWIDTH_DOWN}. */
    public static final String BANDWIDTH_UP = "bandwidth.up";
    /** Nominal round-trip time in milliseconds, e.g. {@code 10} or {@code 10ms}. */
    public static final String RTT = "rtt";
    /** Relative cost of using the interface; non-negative, larger is more expensive. */
    public static final String COST = "cost";
    /** Comma-separated DNS server addresses (IP literals) reachable over this interface. */
    public static final String DNS = "dns";

    private InterfaceProperties() {
    }

    /**
     * @param value a rate such as {@code 768k}, {@code 6M}, {@code 1.5G} or {@code 12000000}
     * @return the rate in bit/s
     * @throws IllegalArgumentException if the value is not a non-negative rate
     */
    public static long parseBitRate(String value) {
        String v = value.trim();
        long multiplier = 1;
        if (v.toLowerCase(Locale.ROOT).endsWith("bit")) {
            v = v.substring(0, v.length() - 3);
        }
        if (!v.isEmpty()) {
            switch (v.charAt(v.length() - 1)) {
                case 'k': case 'K': multiplier = 1_000L; break;
                case 'm': case 'M': multiplier = 1_000_000L; break;
                case 'g': case 'G': multiplier = 1_000_000_000L; break;
                default: multiplier = 1; break;
            }
            if (multiplier != 1) {
                v = v.substring(0, v.length() - 1);
            }
        }
        double number = parseNonNegative(v, value, "bit rate");
        double bits = number * multiplier;
        if (bits > Long.MAX_VALUE) {
            throw new IllegalArgumentException("bit rate too large: '" + value + "'");
        }
        return Math.round(bits);
    }

    /**
     * @param value milliseconds, optionally followed by {@code ms}
     * @return the milliseconds
     * @throws IllegalArgumentException if the value is not a non-negative duration
     */
    public static double parseMillis(String value) {
        String v = value.trim();
        if (v.toLowerCase(Locale.ROOT).endsWith("ms")) {
            v = v.substring(0, v.length() - 2);
        }
        return parseNonNegative(v, value, "round-trip time");
    }

    /**
     * @param value a non-negative decimal number
     * @return the number
     * @throws IllegalArgumentException if it is not one
     */
    public static double parseCost(String value) {
        return parseNonNegative(value.trim(), value, "cost");
    }

    /**
     * @param value comma- or space-separated IP literals
     * @return the addresses in order
     * @throws IllegalArgumentException if an entry is not an IP literal (host names are refused: resolving
     *                                  a name to find the name server would need a name server)
     */
    public static List<InetAddress> parseAddresses(String value) {
        List<InetAddress> addresses = new ArrayList<>();
        for (String part : value.split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            if (!isIpLiteral(part)) {
                throw new IllegalArgumentException("not an IP address: '" + part + "'");
            }
            try {
                addresses.add(InetAddress.getByName(part));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address: '" + part + "'", e);
            }
        }
        return List.copyOf(addresses);
    }

    private static boolean isIpLiteral(String s) {
        if (s.indexOf(':') >= 0) {
            return s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.' || c == '%');
        }
        String[] octets = s.split("\\.", -1);
        if (octets.length != 4) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    private static double parseNonNegative(String number, String original, String what) {
        double parsed;
        try {
            parsed = Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a " + what + ": '" + original + "'", e);
        }
        if (!(parsed >= 0) || Double.isInfinite(parsed)) {
            throw new IllegalArgumentException(what + " must be a finite non-negative number: '" + original + "'");
        }
        return parsed;
    }
}
