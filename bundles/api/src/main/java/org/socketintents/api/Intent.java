package org.socketintents.api;

import java.net.SocketOption;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One kind of intent: a typed key that an application sets on a connection like a socket option.
 *
 * <p>An {@code Intent} is a {@link SocketOption}, so an intent-aware socket takes it the JDK way:
 * {@code socket.setOption(Intent.CATEGORY, Category.QUERY)}. The seven standard intents carry the
 * numbers 1 to 7 in the order of Table 1 of the paper; these numbers are also their identifiers on
 * the wire. Custom intents are named by a string and carry a string value.
 *
 * @param <T> the type of the intent's value
 */
public final class Intent<T> implements SocketOption<T> {

    /** Longest name a custom intent may have, in UTF-8 bytes. */
    public static final int MAX_CUSTOM_NAME_BYTES = 64;
    /** Longest value a custom intent may have, in UTF-8 bytes. */
    public static final int MAX_CUSTOM_VALUE_BYTES = 1024;

    /** The general class of the connection. */
    public static final Intent<Category> CATEGORY = new Intent<>(1, "category", Category.class);
    /** Number of bytes the application will transfer. */
    public static final Intent<Long> FILE_SIZE = new Intent<>(2, "filesize", Long.class);
    /** Time between first and last packet, in seconds. */
    public static final Intent<Long> DURATION = new Intent<>(3, "duration", Long.class);
    /** Size divided by duration, in bytes per second. */
    public static final Intent<Long> BITRATE = new Intent<>(4, "bitrate", Long.class);
    /** How the traffic arrives over time. */
    public static final Intent<Burstiness> BURSTINESS = new Intent<>(5, "burstiness", Burstiness.class);
    /** How much the completion time matters. */
    public static final Intent<Timeliness> TIMELINESS = new Intent<>(6, "timeliness", Timeliness.class);
    /** How the application copes with connection loss. */
    public static final Intent<Resilience> RESILIENCE = new Intent<>(7, "resilience", Resilience.class);

    private static final List<Intent<?>> STANDARD =
            List.of(CATEGORY, FILE_SIZE, DURATION, BITRATE, BURSTINESS, TIMELINESS, RESILIENCE);

    private final int number;
    private final String name;
    private final Class<T> type;

    private Intent(int number, String name, Class<T> type) {
        this.number = number;
        this.name = name;
        this.type = type;
    }

    /**
     * A custom intent, for knowledge Table 1 has no key for.
     *
     * @param name a non-empty name of at most {@value #MAX_CUSTOM_NAME_BYTES} UTF-8 bytes that is not the
     *             name of a standard intent
     * @return the custom intent of that name; two calls with the same name give equal intents
     * @throws IllegalArgumentException if the name is empty, too long or taken by a standard intent
     */
    public static Intent<String> custom(String name) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty() || Utf8.length(name) > MAX_CUSTOM_NAME_BYTES) {
            throw new IllegalArgumentException("custom intent name must have 1 to " + MAX_CUSTOM_NAME_BYTES
                    + " UTF-8 bytes: '" + name + "'");
        }
        if (standardNamed(name).isPresent()) {
            throw new IllegalArgumentException("'" + name + "' is a standard intent, not a custom one");
        }
        return new Intent<>(0, name, String.class);
    }

    /** @return the seven standard intents in the order of Table 1 */
    public static List<Intent<?>> standard() {
        return STANDARD;
    }

    /**
     * @param number 1 to 7
     * @return the standard intent with that number, if any
     */
    public static Optional<Intent<?>> standard(int number) {
        return number >= 1 && number <= STANDARD.size() ? Optional.of(STANDARD.get(number - 1)) : Optional.empty();
    }

    /**
     * @param name a name such as {@code "category"} or {@code "filesize"}
     * @return the standard intent of that name, if any
     */
    public static Optional<Intent<?>> standardNamed(String name) {
        for (Intent<?> intent : STANDARD) {
            if (intent.name.equals(name)) {
                return Optional.of(intent);
            }
        }
        return Optional.empty();
    }

    /** @return 1 to 7 for the standard intents (their order in Table 1), 0 for custom intents */
    public int number() {
        return number;
    }

    /** @return whether this is one of the seven intents of Table 1 */
    public boolean isStandard() {
        return number != 0;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Class<T> type() {
        return type;
    }

    /**
     * Checks a value for this intent.
     *
     * @param value the value to check
     * @return the value, cast to the intent's type
     * @throws IllegalArgumentException if the value has the wrong type, is negative where a count is
     *                                  expected, or is too long for a custom intent
     */
    public T checkValue(Object value) {
        Objects.requireNonNull(value, () -> "value of intent " + name);
        if (!type.isInstance(value)) {
            throw new IllegalArgumentException("intent " + name + " takes a " + type.getSimpleName()
                    + ", not a " + value.getClass().getSimpleName());
        }
        T typed = type.cast(value);
        if (typed instanceof Long && (Long) typed < 0) {
            throw new IllegalArgumentException("intent " + name + " must not be negative: " + typed);
        }
        if (typed instanceof String && Utf8.length((String) typed) > MAX_CUSTOM_VALUE_BYTES) {
            throw new IllegalArgumentException("value of intent " + name + " is longer than "
                    + MAX_CUSTOM_VALUE_BYTES + " UTF-8 bytes");
        }
        return typed;
    }

    /**
     * Parses a value from text, as command lines and configuration files give it: enum values by name in any
     * case with {@code -} or {@code _} between words, or by their first word ({@code query}, {@code bulk},
     * {@code control}, {@code stream}, {@code random}, {@code regular}, ...); counts as decimal numbers with an
     * optional {@code k}, {@code M} or {@code G} suffix (powers of 1000) for file size and bitrate.
     *
     * @param text the text
     * @return the value
     * @throws IllegalArgumentException if the text is not a valid value, naming the valid ones
     */
    public T parse(String text) {
        String trimmed = Objects.requireNonNull(text, "text").trim();
        if (type == String.class) {
            return checkValue(trimmed);
        }
        if (type == Long.class) {
            return checkValue(parseCount(trimmed));
        }
        String wanted = trimmed.toUpperCase(Locale.ROOT).replace('-', '_');
        T firstWordMatch = null;
        int firstWordMatches = 0;
        for (T constant : type.getEnumConstants()) {
            String constantName = ((Enum<?>) constant).name();
            if (constantName.equals(wanted)) {
                return constant;
            }
            if (constantName.startsWith(wanted + "_")) {
                firstWordMatch = constant;
                firstWordMatches++;
            }
        }
        if (firstWordMatches == 1) {
            return firstWordMatch;
        }
        StringBuilder valid = new StringBuilder();
        for (T constant : type.getEnumConstants()) {
            valid.append(valid.length() == 0 ? "" : ", ")
                    .append(((Enum<?>) constant).name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        throw new IllegalArgumentException("'" + text + "' is not a " + name + "; one of: " + valid);
    }

    private Long parseCount(String text) {
        long multiplier = 1;
        String digits = text;
        if (!digits.isEmpty()) {
            switch (digits.charAt(digits.length() - 1)) {
                case 'k': case 'K': multiplier = 1_000L; break;
                case 'M': multiplier = 1_000_000L; break;
                case 'G': multiplier = 1_000_000_000L; break;
                default: break;
            }
        }
        if (multiplier != 1) {
            digits = digits.substring(0, digits.length() - 1);
        }
        try {
            return Math.multiplyExact(Long.parseLong(digits), multiplier);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not a valid " + name
                    + ": a non-negative whole number, optionally with k, M or G", e);
        }
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Intent)) {
            return false;
        }
        Intent<?> that = (Intent<?>) other;
        return number == that.number && name.equals(that.name);
    }

    @Override
    public int hashCode() {
        return 31 * number + name.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
