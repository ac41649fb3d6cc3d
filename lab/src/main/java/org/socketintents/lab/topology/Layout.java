package org.socketintents.lab.topology;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Names and addresses of one lab instance. Every namespace an instance creates starts with its name, and every
 * instance name starts with {@link #PREFIX}, so that "lab down" finds all leftovers by name.
 */
public record Layout(String name, Description description) {

    public static final String PREFIX = "si-lab";
    public static final String DEFAULT_NAME = PREFIX;
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(-[a-z0-9]{1,16}){0,2}");

    public Layout {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("lab name must be \"" + PREFIX + "\" or \"" + PREFIX
                    + "-\" followed by one or two words of up to 16 lower-case letters or digits, joined by \"-\": " + name);
        }
    }

    public String clientNamespace() {
        return name + "-cli";
    }

    public String serverNamespace() {
        return name + "-srv";
    }

    public List<String> namespaces() {
        return List.of(clientNamespace(), serverNamespace());
    }

    public List<LinkLayout> links() {
        List<LinkLayout> result = new ArrayList<>();
        for (Link link : description.links()) {
            result.add(new LinkLayout(link, description.number(link)));
        }
        return result;
    }

    public LinkLayout link(String linkName) {
        return links().stream().filter(l -> l.link().name().equals(linkName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no link " + linkName + " in lab " + name));
    }

    /** Whether a namespace name belongs to some lab instance (used to sweep leftovers). */
    public static boolean isLabNamespace(String namespace) {
        return namespace.equals(PREFIX) || namespace.startsWith(PREFIX + "-");
    }
}
