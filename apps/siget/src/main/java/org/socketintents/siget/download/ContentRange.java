package org.socketintents.siget.download;

import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Content-Range header of a 206 response, RFC 9110 section 14.4: {@code bytes first-last/size} with the
 * size possibly {@code *} (unknown).
 *
 * @param first the offset of the first byte sent
 * @param last  the offset of the last byte sent
 * @param size  the object's size, when the server knows it
 */
record ContentRange(long first, long last, OptionalLong size) {

    private static final Pattern SYNTAX = Pattern.compile("\\s*bytes\\s+(\\d+)-(\\d+)/(\\d+|\\*)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern UNSATISFIED = Pattern.compile("\\s*bytes\\s+\\*/(\\d+)\\s*",
            Pattern.CASE_INSENSITIVE);

    /**
     * @param header the header's value, or null
     * @return the range; empty when the header is absent or not a valid byte range
     */
    static Optional<ContentRange> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Matcher matcher = SYNTAX.matcher(header);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            long first = Long.parseLong(matcher.group(1));
            long last = Long.parseLong(matcher.group(2));
            OptionalLong size = matcher.group(3).equals("*") ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(matcher.group(3)));
            if (last < first || (size.isPresent() && last >= size.getAsLong())) {
                return Optional.empty();
            }
            return Optional.of(new ContentRange(first, last, size));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * @param header the Content-Range header of a 416 response, or null
     * @return the object size it gives (the number after "bytes *" and a slash); empty when absent or malformed
     */
    static OptionalLong unsatisfiedSize(String header) {
        Matcher matcher = header == null ? null : UNSATISFIED.matcher(header);
        if (matcher == null || !matcher.matches()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(matcher.group(1)));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** @return how many bytes the range holds */
    long length() {
        return last - first + 1;
    }
}
