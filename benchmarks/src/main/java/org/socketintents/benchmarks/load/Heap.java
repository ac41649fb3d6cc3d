package org.socketintents.benchmarks.load;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A heap setting of the MAM's JVM, and the JVM profile of bin/socket-intents it runs with.
 *
 * @param label      how the report names it: {@code default}, or the option, e.g. {@code -Xmx32m}, followed by
 *                   the profile when one is named ({@code -Xmx32m gateway})
 * @param javaOption the JVM option to pass in JAVA_OPTS; empty for the JVM's default heap
 * @param profile    the SOCKET_INTENTS_PROFILE to start with; empty for the one in the tool's environment (which
 *                   is the script's default profile unless set)
 */
record Heap(String label, String javaOption, String profile) {

    static final Heap DEFAULT = new Heap("default", "", "");
    private static final Pattern SIZE = Pattern.compile("[1-9][0-9]*[kmg]");
    private static final Pattern PROFILE = Pattern.compile("[a-z]+");

    /**
     * @param text {@code default}, a maximum heap size such as {@code 32m}, or a profile and a size such as
     *             {@code gateway:32m}
     * @throws IllegalArgumentException if the text is none of these
     */
    static Heap parse(String text) {
        String setting = text.trim().toLowerCase(Locale.ROOT);
        if (setting.equals(DEFAULT.label)) {
            return DEFAULT;
        }
        int colon = setting.indexOf(':');
        String profile = colon < 0 ? "" : setting.substring(0, colon);
        String size = setting.substring(colon + 1);
        if (!SIZE.matcher(size).matches() || colon >= 0 && !PROFILE.matcher(profile).matches()) {
            throw new IllegalArgumentException("not a heap setting: '" + text
                    + "' (default, a size such as 32m, or a profile and a size such as gateway:32m)");
        }
        return new Heap("-Xmx" + size + (profile.isEmpty() ? "" : " " + profile), "-Xmx" + size, profile);
    }
}
