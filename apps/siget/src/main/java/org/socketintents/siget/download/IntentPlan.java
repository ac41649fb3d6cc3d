package org.socketintents.siget.download;

import java.util.OptionalLong;

import org.socketintents.api.Intent;
import org.socketintents.api.Intents;

/**
 * Which intents each request of a download carries (section 4 of the paper). With a known file size, or none,
 * an object is fetched in one request. With the file size "auto", it is fetched in two phases: a probe for the
 * first bytes carries the intents without a file size and reveals the object's size n; the rest is fetched under
 * the intents with file size n, so the policy may choose another interface for it.
 */
public final class IntentPlan {

    private final Intents base;
    private final long probeBytes;

    private IntentPlan(Intents base, long probeBytes) {
        this.base = base;
        this.probeBytes = probeBytes;
    }

    /**
     * @param intents the intents of every request, a file size included if one was given
     * @return a plan fetching each object in one request
     */
    public static IntentPlan singlePhase(Intents intents) {
        return new IntentPlan(intents, 0);
    }

    /**
     * @param intents    the intents of every request; a file size among them is replaced per phase
     * @param probeBytes how many bytes the first phase asks for; at least one
     * @return a plan fetching each object in two phases
     * @throws IllegalArgumentException if probeBytes is less than one
     */
    public static IntentPlan twoPhase(Intents intents, long probeBytes) {
        if (probeBytes < 1) {
            throw new IllegalArgumentException("the probe must ask for at least one byte: " + probeBytes);
        }
        return new IntentPlan(intents.toBuilder().remove(Intent.FILE_SIZE).build(), probeBytes);
    }

    /** @return whether objects are fetched in two phases */
    public boolean twoPhase() {
        return probeBytes > 0;
    }

    /** @return how many bytes the first phase asks for; 0 for a single-phase plan */
    public long probeBytes() {
        return probeBytes;
    }

    /** @return the intents of a single-phase request, or of the probe of a two-phase download */
    public Intents first() {
        return base;
    }

    /**
     * @param objectSize the object's size learned from the probe, if the server told it
     * @return the intents for fetching the rest of the object
     */
    public Intents rest(OptionalLong objectSize) {
        return objectSize.isPresent() ? base.toBuilder().fileSize(objectSize.getAsLong()).build() : base;
    }
}
