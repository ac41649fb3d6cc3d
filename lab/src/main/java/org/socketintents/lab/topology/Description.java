package org.socketintents.lab.topology;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A lab topology: the client's access links, the host names the lab's DNS answers, and the TCP congestion control
 * both end hosts use on the links (empty: the namespaces' default, which Linux takes from the root namespace).
 * Read from the text format of {@link DescriptionParser}.
 */
public record Description(List<Link> links, List<String> hosts, Optional<String> congestionControl) {

    public static final int MAX_LINKS = 16;
    /** The kernel's names of congestion control algorithms: "cubic", "bbr", "reno", ... */
    private static final Pattern CONGESTION_CONTROL = Pattern.compile("[a-z0-9]+");

    public Description {
        links = List.copyOf(links);
        hosts = List.copyOf(hosts);
        Objects.requireNonNull(congestionControl, "congestionControl");
        congestionControl.ifPresent(name -> {
            if (!isCongestionControlName(name)) {
                throw new IllegalArgumentException("not a congestion control name: " + name);
            }
        });
        if (links.isEmpty()) {
            throw new IllegalArgumentException("a description needs at least one link");
        }
        if (links.size() > MAX_LINKS) {
            throw new IllegalArgumentException("at most " + MAX_LINKS + " links, got " + links.size());
        }
        Set<String> names = new HashSet<>();
        for (Link link : links) {
            if (!names.add(link.name())) {
                throw new IllegalArgumentException("link " + link.name() + " defined twice");
            }
        }
    }

    public static boolean isCongestionControlName(String name) {
        return CONGESTION_CONTROL.matcher(name).matches();
    }

    /** The same topology with another congestion control: the lab's switch between the paper's cubic and bbr. */
    public Description withCongestionControl(String name) {
        return new Description(links, hosts, Optional.of(name));
    }

    public Optional<Link> link(String name) {
        return links.stream().filter(l -> l.name().equals(name)).findFirst();
    }

    /** 1-based position of a link: it numbers the link's subnet and routing table. */
    public int number(Link link) {
        int index = links.indexOf(link);
        if (index < 0) {
            throw new IllegalArgumentException("not a link of this description: " + link.name());
        }
        return index + 1;
    }
}
