package org.socketintents.netmon.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.InterfacePrefix;

/** Merges a scan with the selection rules and the per-interface settings into interface descriptions. */
final class SnapshotAssembler {

    private SnapshotAssembler() {
    }

    /**
     * @param scan       the host's interfaces
     * @param rules      which to report, and their default source and destination roles
     * @param configured the per-interface settings by name; an interface's own settings override the rules
     * @return the descriptions of the reported interfaces, in scan order
     */
    static List<InterfaceDescription> assemble(List<ScannedInterface> scan, SelectionRules rules,
                                               Map<String, InterfaceSettings> configured) {
        List<InterfaceDescription> descriptions = new ArrayList<>(scan.size());
        for (ScannedInterface scanned : scan) {
            if (rules.reports(scanned.name())) {
                descriptions.add(describe(scanned, rules, Optional.ofNullable(configured.get(scanned.name()))));
            }
        }
        return descriptions;
    }

    private static InterfaceDescription describe(ScannedInterface scanned, SelectionRules rules,
                                                 Optional<InterfaceSettings> settings) {
        InterfaceDescription.Builder builder = InterfaceDescription.builder(scanned.name())
                .index(scanned.index())
                .up(scanned.up())
                .sourceEnabled(settings.flatMap(InterfaceSettings::source)
                        .orElse(rules.sourceByDefault(scanned)))
                .destinationEnabled(settings.flatMap(InterfaceSettings::destination)
                        .orElse(rules.destinationByDefault(scanned.name())))
                .properties(settings.map(InterfaceSettings::properties).orElse(Map.of()));
        for (InterfacePrefix prefix : scanned.prefixes()) {
            builder.addPrefix(prefix);
        }
        return builder.build();
    }
}
