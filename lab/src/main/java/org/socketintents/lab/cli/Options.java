package org.socketintents.lab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments: positionals, "--key value" options and "--flag" switches. Only the options and flags the
 * command declares are accepted.
 */
public final class Options {

    private final List<String> positionals = new ArrayList<>();
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private Options() {
    }

    public static Options parse(List<String> args, Set<String> valueOptions, Set<String> flagOptions)
            throws UsageException {
        Options options = new Options();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                options.positionals.add(arg);
            } else if (flagOptions.contains(arg)) {
                options.flags.add(arg);
            } else if (valueOptions.contains(arg)) {
                if (i + 1 >= args.size()) {
                    throw new UsageException(arg + " needs a value");
                }
                options.values.put(arg, args.get(++i));
            } else {
                throw new UsageException("unknown option " + arg);
            }
        }
        return options;
    }

    public List<String> positionals() {
        return List.copyOf(positionals);
    }

    public String positional(int index, String fallback) {
        return index < positionals.size() ? positionals.get(index) : fallback;
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    public String value(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public Path path(String name, Path fallback) {
        return values.containsKey(name) ? Path.of(values.get(name)) : fallback;
    }

    public long number(String name, long fallback, long min, long max) throws UsageException {
        if (!values.containsKey(name)) {
            return fallback;
        }
        try {
            long n = Long.parseLong(values.get(name));
            if (n < min || n > max) {
                throw new UsageException(name + " must be between " + min + " and " + max + ": " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a whole number: " + values.get(name));
        }
    }

    /** Fails when more positional arguments were given than the command takes. */
    public Options atMostPositionals(int count) throws UsageException {
        if (positionals.size() > count) {
            throw new UsageException("unexpected argument " + positionals.get(count));
        }
        return this;
    }
}
