package org.socketintents.resolver.internal;

import java.net.IDN;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.TextParseException;

/**
 * A host name checked before anything is sent for it: at most 253 characters, labels of 1 to 63 letters, digits,
 * hyphens or underscores not starting or ending with a hyphen, not an address literal. Internationalised names are
 * taken in their ASCII (punycode) form.
 */
final class HostName {

    static final int MAX_LENGTH = 253;
    static final int MAX_LABEL_LENGTH = 63;

    private final Name relative;
    private final Name asGiven;
    private final boolean absolute;
    private final int dots;

    private HostName(Name relative, Name asGiven, boolean absolute, int dots) {
        this.relative = relative;
        this.asGiven = asGiven;
        this.absolute = absolute;
        this.dots = dots;
    }

    /**
     * @param host a host name, absolute when it ends with a dot
     * @return the checked name
     * @throws IllegalArgumentException if it is not a valid host name; the message says why
     */
    static HostName parse(String host) {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("empty host name");
        }
        String ascii = host.chars().allMatch(c -> c < 0x80) ? host : toAscii(host);
        boolean absolute = ascii.endsWith(".");
        String bare = absolute ? ascii.substring(0, ascii.length() - 1) : ascii;
        if (bare.isEmpty()) {
            throw invalid(host, "no label");
        }
        if (bare.length() > MAX_LENGTH) {
            throw invalid(host, bare.length() + " characters, DNS allows " + MAX_LENGTH);
        }
        String[] labels = bare.split("\\.", -1);
        if (host.indexOf(':') >= 0 || labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + host + "' is an IP address, not a host name");
        }
        for (String label : labels) {
            checkLabel(host, label);
        }
        try {
            return new HostName(Name.fromString(bare), Name.fromString(bare, Name.root), absolute, labels.length - 1);
        } catch (TextParseException e) {
            throw invalid(host, e.getMessage());
        }
    }

    private static String toAscii(String internationalised) {
        try {
            return IDN.toASCII(internationalised, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw invalid(internationalised, e.getMessage());
        }
    }

    /**
     * @param text a search domain such as {@code example.org}, or {@code .} for the root (names as given)
     * @return the domain as an absolute name
     * @throws IllegalArgumentException if it is not a valid domain name
     */
    static Name domain(String text) {
        return ".".equals(text) ? Name.root : parse(text).asGiven;
    }

    private static void checkLabel(String host, String label) {
        if (label.isEmpty()) {
            throw invalid(host, "empty label");
        }
        if (label.length() > MAX_LABEL_LENGTH) {
            throw invalid(host, "label '" + label + "' has " + label.length() + " characters, DNS allows "
                    + MAX_LABEL_LENGTH);
        }
        if (label.startsWith("-") || label.endsWith("-")) {
            throw invalid(host, "label '" + label + "' starts or ends with a hyphen");
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                throw invalid(host, "character '" + printable(c) + "' is not allowed in a host name");
            }
        }
    }

    /** After IDN conversion only ASCII is left: control characters are the ones a message cannot show. */
    private static String printable(char c) {
        return Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
    }

    private static IllegalArgumentException invalid(String host, String why) {
        String shown = host.length() > 80 ? host.substring(0, 80) + "..." : host;
        return new IllegalArgumentException("'" + shown + "' is not a valid host name: " + why);
    }

    /**
     * The names to ask, in order, as resolv.conf(5) describes: an absolute name only as given; a name with at least
     * {@code ndots} dots as given first and then with each search domain; other names with each search domain first.
     *
     * @param search the search domains, absolute
     * @param ndots  the dots a name needs to be tried as given first
     * @return the absolute names to ask, without repetitions
     */
    List<Name> candidates(List<Name> search, int ndots) {
        if (absolute) {
            return List.of(asGiven);
        }
        Set<Name> names = new LinkedHashSet<>();
        if (dots >= ndots) {
            names.add(asGiven);
        }
        for (Name domain : search) {
            try {
                names.add(Name.concatenate(relative, domain));
            } catch (NameTooLongException e) {
                // This domain makes the name too long for DNS; the other candidates still apply.
            }
        }
        names.add(asGiven);
        return List.copyOf(names);
    }
}
