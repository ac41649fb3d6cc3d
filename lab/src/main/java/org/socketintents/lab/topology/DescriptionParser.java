package org.socketintents.lab.topology;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the lab's description format. Line based, '#' starts a comment, tokens are separated by blanks:
 *
 * <pre>
 * tcp-congestion-control cubic          # optional; default: what new namespaces get (the root's default)
 * host news.lab photo.lab               # names the lab DNS answers (any number of host lines)
 * link i1                               # a client interface; the lines below belong to it
 *   down delay 5ms rate 6Mbit queue 100ms
 *   up   delay 5ms rate 768kbit queue 100ms
 * </pre>
 *
 * Every link needs one down and one up line, each with delay, rate and queue (queue in bytes like 64KiB or as a
 * drain time like 100ms).
 */
public final class DescriptionParser {

    private static final Pattern HOST = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z]{2,63}");

    private final String source;
    private final List<Link> links = new ArrayList<>();
    private final List<String> hosts = new ArrayList<>();
    private String congestionControl;
    private String linkName;
    private int linkLine;
    private final Map<Direction, Pipe> pipes = new EnumMap<>(Direction.class);

    private DescriptionParser(String source) {
        this.source = source;
    }

    /** @param source names the text in error messages (a file name) */
    public static Description parse(String text, String source) throws DescriptionException {
        return new DescriptionParser(source).read(text);
    }

    private Description read(String text) throws DescriptionException {
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).trim();
            if (!content.isEmpty()) {
                try {
                    statement(content.split("\\s+"), i + 1);
                } catch (IllegalArgumentException e) {
                    throw new DescriptionException(source, i + 1, e.getMessage());
                }
            }
        }
        finishLink();
        if (links.isEmpty()) {
            throw new DescriptionException(source, "no link defined (expected a line like \"link i1\")");
        }
        try {
            return new Description(links, hosts, Optional.ofNullable(congestionControl));
        } catch (IllegalArgumentException e) {
            throw new DescriptionException(source, e.getMessage());
        }
    }

    private void statement(String[] tokens, int line) throws DescriptionException {
        switch (tokens[0].toLowerCase(Locale.ROOT)) {
            case "link" -> {
                finishLink();
                expectCount(tokens, 2, "link NAME");
                linkName = tokens[1];
                linkLine = line;
                pipes.clear();
            }
            case "down" -> pipe(Direction.DOWN, tokens, line);
            case "up" -> pipe(Direction.UP, tokens, line);
            case "host" -> {
                if (tokens.length < 2) {
                    throw new IllegalArgumentException("host needs at least one name");
                }
                for (int i = 1; i < tokens.length; i++) {
                    String host = tokens[i].toLowerCase(Locale.ROOT);
                    if (!HOST.matcher(host).matches()) {
                        throw new IllegalArgumentException("not a host name: " + tokens[i]);
                    }
                    if (!hosts.contains(host)) {
                        hosts.add(host);
                    }
                }
            }
            case "tcp-congestion-control" -> {
                expectCount(tokens, 2, "tcp-congestion-control NAME");
                if (!Description.isCongestionControlName(tokens[1])) {
                    throw new IllegalArgumentException("not a congestion control name: " + tokens[1]);
                }
                congestionControl = tokens[1];
            }
            default -> throw new IllegalArgumentException("unknown statement \"" + tokens[0]
                    + "\" (expected link, down, up, host or tcp-congestion-control)");
        }
    }

    private void pipe(Direction direction, String[] tokens, int line) throws DescriptionException {
        if (linkName == null) {
            throw new IllegalArgumentException(direction.label() + " line outside a link (start one with \"link NAME\")");
        }
        if (pipes.containsKey(direction)) {
            throw new IllegalArgumentException("second " + direction.label() + " line for link " + linkName);
        }
        if (tokens.length % 2 != 1) {
            throw new IllegalArgumentException("expected key/value pairs after " + direction.label()
                    + ": delay D rate R queue Q");
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < tokens.length; i += 2) {
            String key = tokens[i].toLowerCase(Locale.ROOT);
            if (!List.of("delay", "rate", "queue").contains(key)) {
                throw new IllegalArgumentException("unknown key \"" + tokens[i] + "\" (expected delay, rate, queue)");
            }
            if (values.put(key, tokens[i + 1]) != null) {
                throw new IllegalArgumentException(key + " given twice");
            }
        }
        for (String key : List.of("delay", "rate", "queue")) {
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException(direction.label() + " of link " + linkName + " lacks " + key);
            }
        }
        pipes.put(direction, new Pipe(Durations.parse(values.get("delay")), Rate.parse(values.get("rate")),
                QueueLimit.parse(values.get("queue"))));
    }

    private void finishLink() throws DescriptionException {
        if (linkName == null) {
            return;
        }
        for (Direction direction : Direction.values()) {
            if (!pipes.containsKey(direction)) {
                throw new DescriptionException(source, linkLine,
                        "link " + linkName + " has no " + direction.label() + " line");
            }
        }
        try {
            links.add(new Link(linkName, pipes.get(Direction.DOWN), pipes.get(Direction.UP)));
        } catch (IllegalArgumentException e) {
            throw new DescriptionException(source, linkLine, e.getMessage());
        }
        linkName = null;
    }

    private static void expectCount(String[] tokens, int count, String usage) {
        if (tokens.length != count) {
            throw new IllegalArgumentException("expected \"" + usage + "\"");
        }
    }
}
