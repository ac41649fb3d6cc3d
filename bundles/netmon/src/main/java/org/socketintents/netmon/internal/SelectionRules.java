package org.socketintents.netmon.internal;

/**
 * Which interfaces the monitor reports, and which of them serve as source or destination when their own
 * configuration does not say.
 *
 * @param include            the interfaces to report; empty reports all (so that clearing the list never
 *                           silently hides every interface)
 * @param exclude            interfaces never reported, even when included
 * @param sourceExclude      interfaces reported but not offered as a source
 * @param destinationExclude interfaces reported but not used to reach destinations
 */
record SelectionRules(NamePatterns include, NamePatterns exclude, NamePatterns sourceExclude,
                      NamePatterns destinationExclude) {

    static final SelectionRules ALL = new SelectionRules(NamePatterns.NONE, NamePatterns.NONE, NamePatterns.NONE,
            NamePatterns.NONE);

    /**
     * @param name an interface name
     * @return whether the interface belongs in the snapshot
     */
    boolean reports(String name) {
        return (include.isEmpty() || include.matches(name)) && !exclude.matches(name);
    }

    /**
     * @param scanned an interface
     * @return whether it may be a source unless its own configuration says otherwise: a loopback interface reaches
     *         nothing beyond the host, so it never is by default
     */
    boolean sourceByDefault(ScannedInterface scanned) {
        return !scanned.loopback() && !sourceExclude.matches(scanned.name());
    }

    /**
     * @param name an interface name
     * @return whether destinations may be reached over it unless its own configuration says otherwise
     */
    boolean destinationByDefault(String name) {
        return !destinationExclude.matches(name);
    }
}
