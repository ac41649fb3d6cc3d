package org.socketintents.protocol;

import java.nio.charset.StandardCharsets;

/**
 * The syntax of the names the wire carries (host names, interface names): printable text without spaces, so
 * that a name read from the wire cannot smuggle line breaks into a log or a NUL into a C string.
 */
final class Names {

    private Names() {
    }

    /** @return whether {@code name} is a non-empty printable name of at most {@code maxBytes} UTF-8 bytes */
    static boolean isValid(String name, int maxBytes) {
        return !name.isEmpty() && name.getBytes(StandardCharsets.UTF_8).length <= maxBytes && isPrintable(name);
    }

    static boolean isPrintable(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c == 0x7F || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        return true;
    }
}
