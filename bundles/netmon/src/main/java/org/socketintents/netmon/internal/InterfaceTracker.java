package org.socketintents.netmon.internal;

import static java.lang.System.Logger.Level.INFO;
import static java.lang.System.Logger.Level.WARNING;

import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;

import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.Interfaces;

/**
 * Keeps the latest snapshot: scans, merges the scan with the configuration, and publishes a new generation only
 * when the result differs from the current one.
 *
 * <p>The monitor thread polls while ConfigAdmin and SCR threads reconfigure, so the mutators are synchronized;
 * {@link #current()} is a volatile read and never waits for them.
 */
final class InterfaceTracker {

    private static final System.Logger LOG = System.getLogger(InterfaceTracker.class.getName());

    private final InterfaceScanner scanner;
    private final ConfiguredInterfaces configured;
    private SelectionRules rules = SelectionRules.ALL;
    private List<ScannedInterface> lastScan = List.of();
    private boolean scanFailing;
    private Set<String> unreportedConfigured = Set.of();
    private volatile Interfaces current = Interfaces.empty();

    /**
     * @param scanner    the source of interface data
     * @param configured the per-interface settings
     */
    InterfaceTracker(InterfaceScanner scanner, ConfiguredInterfaces configured) {
        this.scanner = scanner;
        this.configured = configured;
    }

    /** @return the latest snapshot */
    Interfaces current() {
        return current;
    }

    /** @param rules the selection rules to apply from now on */
    synchronized void rules(SelectionRules rules) {
        this.rules = rules;
        rebuild();
    }

    /** Scans the host; rebuilds the snapshot only if the scan differs from the previous one. */
    synchronized void poll() {
        List<ScannedInterface> scan;
        try {
            scan = scanner.scan();
        } catch (SocketException e) {
            if (!scanFailing) {
                LOG.log(WARNING, "Cannot scan the interfaces, keeping the last snapshot: {0}", e.getMessage());
                scanFailing = true;
            }
            return;
        }
        if (scanFailing) {
            LOG.log(INFO, "Scanning the interfaces works again");
            scanFailing = false;
        }
        if (!scan.equals(lastScan)) {
            lastScan = scan;
            rebuild();
        }
    }

    /** Merges the last scan with the current configuration, publishing a new generation if anything changed. */
    synchronized void rebuild() {
        Map<String, InterfaceSettings> settings = configured.byName();
        List<InterfaceDescription> all = SnapshotAssembler.assemble(lastScan, rules, settings);
        reportUnreported(settings.keySet(), all);
        Interfaces previous = current;
        if (!all.equals(previous.all())) {
            current = new Interfaces(previous.generation() + 1, all);
            LOG.log(INFO, "Interfaces generation {0}: {1}", current.generation(), changes(previous, all));
        }
    }

    /** Says once, not on every rebuild, which configured interfaces the snapshot lacks. */
    private void reportUnreported(Set<String> configuredNames, List<InterfaceDescription> all) {
        Set<String> unreported = new TreeSet<>(configuredNames);
        for (InterfaceDescription description : all) {
            unreported.remove(description.name());
        }
        if (!unreported.equals(unreportedConfigured)) {
            unreportedConfigured = unreported;
            if (!unreported.isEmpty()) {
                LOG.log(INFO, "Configured interfaces not in the snapshot (not on this host yet, or excluded): {0}",
                        unreported);
            }
        }
    }

    private static String changes(Interfaces before, List<InterfaceDescription> after) {
        StringJoiner changes = new StringJoiner("; ");
        Set<String> afterNames = new TreeSet<>();
        for (InterfaceDescription description : after) {
            afterNames.add(description.name());
            before.named(description.name()).ifPresentOrElse(
                    old -> {
                        if (!old.equals(description)) {
                            changes.add("changed " + summary(description));
                        }
                    },
                    () -> changes.add("added " + summary(description)));
        }
        for (InterfaceDescription old : before) {
            if (!afterNames.contains(old.name())) {
                changes.add("removed " + old.name());
            }
        }
        return changes.toString();
    }

    /** @return the description with its roles, which its own toString leaves out */
    private static String summary(InterfaceDescription description) {
        return description + (description.isSourceEnabled() ? "" : " (no source)")
                + (description.isDestinationEnabled() ? "" : " (no destination)");
    }
}
