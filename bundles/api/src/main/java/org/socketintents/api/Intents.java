package org.socketintents.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.StringJoiner;

/**
 * The intents set on one connection: an immutable map from {@link Intent} to value.
 *
 * <p>Any number of intents may be set, none is required. Instances are value objects: two sets with
 * the same intents and values are equal.
 */
public final class Intents {

    /** Most custom intents one connection may carry. */
    public static final int MAX_CUSTOM = 32;

    private static final Intents NONE = new Intents(new Object[Intent.standard().size()], Map.of());

    /** Indexed by {@code Intent.number() - 1}; null where the intent is not set. */
    private final Object[] standard;
    private final Map<String, String> custom;

    private Intents(Object[] standard, Map<String, String> custom) {
        this.standard = standard;
        this.custom = custom;
    }

    /** @return the empty set: the application said nothing */
    public static Intents none() {
        return NONE;
    }

    /** @return a builder for a new set of intents */
    public static Builder builder() {
        return new Builder();
    }

    /** @return a builder that starts with this set's intents */
    public Builder toBuilder() {
        Builder builder = new Builder();
        System.arraycopy(standard, 0, builder.standard, 0, standard.length);
        builder.custom.putAll(custom);
        return builder;
    }

    /**
     * @param intent a standard or custom intent
     * @param <T>    its value type
     * @return the value set for it, if any
     */
    public <T> Optional<T> get(Intent<T> intent) {
        Object value = intent.isStandard() ? standard[intent.number() - 1] : custom.get(intent.name());
        return Optional.ofNullable(intent.type().cast(value));
    }

    /** @return the category intent, if set */
    public Optional<Category> category() {
        return get(Intent.CATEGORY);
    }

    /** @return the file size intent in bytes, if set */
    public OptionalLong fileSize() {
        return optionalLong(Intent.FILE_SIZE);
    }

    /** @return the duration intent in seconds, if set */
    public OptionalLong duration() {
        return optionalLong(Intent.DURATION);
    }

    /** @return the bitrate intent in bytes per second, if set */
    public OptionalLong bitrate() {
        return optionalLong(Intent.BITRATE);
    }

    /** @return the burstiness intent, if set */
    public Optional<Burstiness> burstiness() {
        return get(Intent.BURSTINESS);
    }

    /** @return the timeliness intent, if set */
    public Optional<Timeliness> timeliness() {
        return get(Intent.TIMELINESS);
    }

    /** @return the resilience intent, if set */
    public Optional<Resilience> resilience() {
        return get(Intent.RESILIENCE);
    }

    /** @return the custom intents by name, in the order they were set (unmodifiable) */
    public Map<String, String> custom() {
        return custom;
    }

    /** @return whether no intent at all is set */
    public boolean isEmpty() {
        if (!custom.isEmpty()) {
            return false;
        }
        for (Object value : standard) {
            if (value != null) {
                return false;
            }
        }
        return true;
    }

    private OptionalLong optionalLong(Intent<Long> intent) {
        Object value = standard[intent.number() - 1];
        return value == null ? OptionalLong.empty() : OptionalLong.of((Long) value);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof Intents)) {
            return false;
        }
        Intents that = (Intents) other;
        return java.util.Arrays.equals(standard, that.standard) && custom.equals(that.custom);
    }

    @Override
    public int hashCode() {
        return 31 * java.util.Arrays.hashCode(standard) + custom.hashCode();
    }

    /** @return for example {@code {category=QUERY, filesize=15360, x-app=maps}} */
    @Override
    public String toString() {
        StringJoiner joiner = new StringJoiner(", ", "{", "}");
        for (Intent<?> intent : Intent.standard()) {
            Object value = standard[intent.number() - 1];
            if (value != null) {
                joiner.add(intent.name() + "=" + value);
            }
        }
        custom.forEach((name, value) -> joiner.add(name + "=" + value));
        return joiner.toString();
    }

    /** Collects intents; the last value set for an intent wins. Not thread-safe. */
    public static final class Builder {
        private final Object[] standard = new Object[Intent.standard().size()];
        private final Map<String, String> custom = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets an intent.
         *
         * @param intent the intent
         * @param value  its value
         * @param <T>    its value type
         * @return this builder
         * @throws IllegalArgumentException if {@link Intent#checkValue(Object)} rejects the value, or more
         *                                  than {@link #MAX_CUSTOM} custom intents would be set
         */
        public <T> Builder set(Intent<T> intent, T value) {
            T checked = intent.checkValue(value);
            if (intent.isStandard()) {
                standard[intent.number() - 1] = checked;
            } else {
                if (!custom.containsKey(intent.name()) && custom.size() >= MAX_CUSTOM) {
                    throw new IllegalArgumentException("more than " + MAX_CUSTOM + " custom intents");
                }
                custom.put(intent.name(), (String) checked);
            }
            return this;
        }

        /**
         * Removes an intent.
         *
         * @param intent the intent to remove
         * @return this builder
         */
        public Builder remove(Intent<?> intent) {
            if (intent.isStandard()) {
                standard[intent.number() - 1] = null;
            } else {
                custom.remove(intent.name());
            }
            return this;
        }

        /**
         * Sets an intent given as text, as on a command line: {@code set("category", "bulk")},
         * {@code set("filesize", "48M")}; a name that is not a standard intent sets a custom intent.
         *
         * @param name  the intent's name
         * @param value its value as text, see {@link Intent#parse(String)}
         * @return this builder
         * @throws IllegalArgumentException if the value does not parse
         */
        public Builder parse(String name, String value) {
            Optional<Intent<?>> standardIntent = Intent.standardNamed(name);
            if (standardIntent.isPresent()) {
                return setParsed(standardIntent.get(), value);
            }
            return set(Intent.custom(name), value);
        }

        private <T> Builder setParsed(Intent<T> intent, String value) {
            return set(intent, intent.parse(value));
        }

        public Builder category(Category category) {
            return set(Intent.CATEGORY, Objects.requireNonNull(category, "category"));
        }

        public Builder fileSize(long bytes) {
            return set(Intent.FILE_SIZE, bytes);
        }

        public Builder duration(long seconds) {
            return set(Intent.DURATION, seconds);
        }

        public Builder bitrate(long bytesPerSecond) {
            return set(Intent.BITRATE, bytesPerSecond);
        }

        public Builder burstiness(Burstiness burstiness) {
            return set(Intent.BURSTINESS, Objects.requireNonNull(burstiness, "burstiness"));
        }

        public Builder timeliness(Timeliness timeliness) {
            return set(Intent.TIMELINESS, Objects.requireNonNull(timeliness, "timeliness"));
        }

        public Builder resilience(Resilience resilience) {
            return set(Intent.RESILIENCE, Objects.requireNonNull(resilience, "resilience"));
        }

        public Builder custom(String name, String value) {
            return set(Intent.custom(name), value);
        }

        /** @return the intents set so far */
        public Intents build() {
            boolean empty = custom.isEmpty();
            for (Object value : standard) {
                empty &= value == null;
            }
            if (empty) {
                return NONE;
            }
            return new Intents(standard.clone(),
                    custom.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(custom)));
        }
    }
}
