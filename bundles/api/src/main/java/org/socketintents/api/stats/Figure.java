package org.socketintents.api.stats;

import java.util.Locale;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One statistic: its value, where it comes from, and how long ago it was measured. Immutable.
 *
 * <p>The value is always finite and non-negative, whatever the kernel or the configuration said: a figure that
 * cannot be known is {@link FigureSource#UNAVAILABLE}, never NaN. Units are those of the accessor that returns the
 * figure (milliseconds for times, bit/s for rates).
 *
 * @param value     the value; 0 when unavailable
 * @param source    where it comes from
 * @param ageMillis how long ago it was measured; 0 for configured and unavailable figures
 */
public record Figure(double value, FigureSource source, long ageMillis) {

    private static final Figure UNAVAILABLE = new Figure(0, FigureSource.UNAVAILABLE, 0);

    /**
     * @throws IllegalArgumentException if the value is negative, NaN or infinite, the age negative, or an
     *                                  unavailable or configured figure carries an age (or an unavailable one a value)
     */
    public Figure {
        Objects.requireNonNull(source, "source");
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("a figure must be finite and non-negative, not " + value);
        }
        if (ageMillis < 0) {
            throw new IllegalArgumentException("a figure's age must not be negative: " + ageMillis);
        }
        if ((source == FigureSource.UNAVAILABLE || source == FigureSource.CONFIGURED) && ageMillis != 0) {
            throw new IllegalArgumentException(source + " figures have no age");
        }
        if (source == FigureSource.UNAVAILABLE && value != 0) {
            throw new IllegalArgumentException("an unavailable figure has no value");
        }
    }

    /**
     * @param value            the measured value
     * @param ageMillis        how long ago it was measured
     * @param staleAfterMillis the age beyond which a measurement is stale
     * @return a {@link FigureSource#MEASURED} figure, or a {@link FigureSource#STALE} one when older than the limit
     */
    public static Figure measured(double value, long ageMillis, long staleAfterMillis) {
        return new Figure(value, ageMillis > staleAfterMillis ? FigureSource.STALE : FigureSource.MEASURED, ageMillis);
    }

    /**
     * @param value the configured value
     * @return a {@link FigureSource#CONFIGURED} figure
     */
    public static Figure configured(double value) {
        return new Figure(value, FigureSource.CONFIGURED, 0);
    }

    /** @return the figure for something neither measured nor configured */
    public static Figure unavailable() {
        return UNAVAILABLE;
    }

    /** @return whether there is a value, however old */
    public boolean isAvailable() {
        return source != FigureSource.UNAVAILABLE;
    }

    /** @return whether it is a measurement younger than the stale age */
    public boolean isFresh() {
        return source == FigureSource.MEASURED;
    }

    /** @return the value, or empty when unavailable */
    public OptionalDouble asOptional() {
        return isAvailable() ? OptionalDouble.of(value) : OptionalDouble.empty();
    }

    /**
     * @param millis           time passed since the figure was taken
     * @param staleAfterMillis the age beyond which a measurement is stale
     * @return this figure as it reads that much later: a measurement older by {@code millis}, maybe stale now
     */
    public Figure olderBy(long millis, long staleAfterMillis) {
        if (source == FigureSource.MEASURED || source == FigureSource.STALE) {
            return measured(value, ageMillis + millis, staleAfterMillis);
        }
        return this;
    }

    @Override
    public String toString() {
        switch (source) {
            case UNAVAILABLE:
                return "unavailable";
            case CONFIGURED:
                return value + " (configured)";
            default:
                return value + " (" + source.name().toLowerCase(Locale.ROOT) + ", " + ageMillis + " ms ago)";
        }
    }
}
