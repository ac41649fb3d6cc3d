package org.socketintents.netmon.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A list of interface-name globs: {@code *} matches any run of characters, {@code ?} exactly one, anything else
 * itself.
 */
final class NamePatterns {

    static final NamePatterns NONE = new NamePatterns(List.of());

    private final List<String> globs;
    private final List<Pattern> patterns;

    private NamePatterns(List<String> globs) {
        this.globs = List.copyOf(globs);
        List<Pattern> compiled = new ArrayList<>(globs.size());
        for (String glob : globs) {
            compiled.add(compile(glob));
        }
        this.patterns = List.copyOf(compiled);
    }

    /**
     * @param entries globs; an entry may hold several separated by commas or white space, because a {@code .cfg}
     *                file gives a list as one string
     * @return the patterns
     */
    static NamePatterns of(String... entries) {
        List<String> globs = new ArrayList<>();
        for (String entry : entries) {
            for (String glob : entry.split("[,\\s]+")) {
                if (!glob.isEmpty()) {
                    globs.add(glob);
                }
            }
        }
        return new NamePatterns(globs);
    }

    /** @return whether there is no glob at all */
    boolean isEmpty() {
        return globs.isEmpty();
    }

    /**
     * @param name an interface name
     * @return whether any glob matches the whole name
     */
    boolean matches(String name) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                appendQuoted(regex, literal);
                regex.append(c == '*' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        appendQuoted(regex, literal);
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    private static void appendQuoted(StringBuilder regex, StringBuilder literal) {
        if (literal.length() > 0) {
            regex.append(Pattern.quote(literal.toString()));
            literal.setLength(0);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NamePatterns && globs.equals(((NamePatterns) other).globs);
    }

    @Override
    public int hashCode() {
        return globs.hashCode();
    }

    @Override
    public String toString() {
        return globs.toString();
    }
}
