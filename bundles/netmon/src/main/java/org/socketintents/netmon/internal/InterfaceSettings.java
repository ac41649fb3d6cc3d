package org.socketintents.netmon.internal;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.socketintents.api.net.InterfaceProperties;

/**
 * The checked configuration of one interface: which interface, whether it may be a source or reach destinations
 * (when the configuration says so), and its other key/values. Immutable.
 */
final class InterfaceSettings {

    static final String NAME = "name";
    static final String SOURCE = "source";
    static final String DESTINATION = "destination";

    /** Keys that ConfigAdmin, DS and FileInstall add, and private ones: about the configuration, not the interface. */
    private static final List<String> FRAMEWORK_KEY_PREFIXES =
            List.of("service.", "component.", "felix.", "osgi.", ".");

    /** Values a policy reads as figures must parse now, not fail later inside a decision. */
    private static final Map<String, Consumer<String>> WELL_KNOWN = Map.of(
            InterfaceProperties.BANDWIDTH_DOWN, InterfaceProperties::parseBitRate,
            InterfaceProperties.BANDWIDTH_UP, InterfaceProperties::parseBitRate,
            InterfaceProperties.RTT, InterfaceProperties::parseMillis,
            InterfaceProperties.COST, InterfaceProperties::parseCost,
            InterfaceProperties.DNS, InterfaceProperties::parseAddresses);

    private final String name;
    private final String origin;
    private final Boolean source;
    private final Boolean destination;
    private final Map<String, String> properties;

    private InterfaceSettings(String name, String origin, Boolean source, Boolean destination,
                              Map<String, String> properties) {
        this.name = name;
        this.origin = origin;
        this.source = source;
        this.destination = destination;
        this.properties = Map.copyOf(properties);
    }

    /**
     * @param configuration the configuration's properties as DS passes them, framework keys included
     * @param origin        how to name the configuration in messages
     * @return the settings
     * @throws InvalidSettingException if the name is missing or a value is unusable
     */
    static InterfaceSettings from(Map<String, ?> configuration, String origin) throws InvalidSettingException {
        Object rawName = configuration.get(NAME);
        String name = rawName == null ? "" : text(rawName);
        if (name.isEmpty()) {
            throw new InvalidSettingException(NAME, "required: the kernel name of the interface, e.g. name=eth0");
        }
        Map<String, String> properties = new HashMap<>();
        // In key order, so that of several unusable values the same one is reported every time.
        for (Map.Entry<String, ?> entry : new TreeMap<>(configuration).entrySet()) {
            String key = entry.getKey();
            if (!isStructural(key) && !isFrameworkKey(key)) {
                String value = text(entry.getValue());
                checkWellKnown(key, value);
                properties.put(key, value);
            }
        }
        return new InterfaceSettings(name, Objects.requireNonNull(origin, "origin"),
                flag(configuration, SOURCE), flag(configuration, DESTINATION), properties);
    }

    private static boolean isStructural(String key) {
        return key.equals(NAME) || key.equals(SOURCE) || key.equals(DESTINATION);
    }

    private static boolean isFrameworkKey(String key) {
        for (String prefix : FRAMEWORK_KEY_PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static void checkWellKnown(String key, String value) throws InvalidSettingException {
        Consumer<String> parser = WELL_KNOWN.get(key);
        if (parser == null || value.isEmpty()) {
            return;
        }
        try {
            parser.accept(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(key, e.getMessage());
        }
    }

    /** @return the flag, or null when the configuration leaves it to the monitor's rules */
    private static Boolean flag(Map<String, ?> configuration, String key) throws InvalidSettingException {
        Object value = configuration.get(key);
        if (value instanceof Boolean) {
            return (Boolean) value;
        }
        String text = value == null ? "" : text(value).toLowerCase(Locale.ROOT);
        switch (text) {
            case "":
                return null;
            case "true":
                return Boolean.TRUE;
            case "false":
                return Boolean.FALSE;
            default:
                throw new InvalidSettingException(key, "expected true or false, got '" + text(value) + "'");
        }
    }

    /** @return the value as one string: typed configurations may hold numbers, booleans, arrays or collections */
    private static String text(Object value) {
        if (value.getClass().isArray()) {
            StringJoiner joined = new StringJoiner(",");
            for (int i = 0; i < Array.getLength(value); i++) {
                joined.add(text(Array.get(value, i)));
            }
            return joined.toString();
        }
        if (value instanceof Collection) {
            StringJoiner joined = new StringJoiner(",");
            for (Object element : (Collection<?>) value) {
                joined.add(text(element));
            }
            return joined.toString();
        }
        return String.valueOf(value).trim();
    }

    /** @return the kernel name of the interface */
    String name() {
        return name;
    }

    /** @return how the configuration is named in messages */
    String origin() {
        return origin;
    }

    /** @return whether the interface may be a source, if the configuration says */
    Optional<Boolean> source() {
        return Optional.ofNullable(source);
    }

    /** @return whether destinations may be reached over the interface, if the configuration says */
    Optional<Boolean> destination() {
        return Optional.ofNullable(destination);
    }

    /** @return every other key/value of the configuration, framework keys left out */
    Map<String, String> properties() {
        return properties;
    }

    @Override
    public String toString() {
        return name + " from " + origin;
    }
}
