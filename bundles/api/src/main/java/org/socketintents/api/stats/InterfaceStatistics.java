package org.socketintents.api.stats;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The statistics collector's service: the latest measurements of the host's interfaces.
 *
 * <p>Policies call {@link #snapshot()} on every decision. The collector samples on its own thread and publishes a new
 * snapshot after each sample; a decision never waits for a sample, and a sample that is late or stuck cannot make
 * old measurements look fresh: the figures of a snapshot handed out after a missed sample are aged by the delay.
 */
@ProviderType
public interface InterfaceStatistics {

    /**
     * @return the latest snapshot, its ages counted up to now (to within two sample intervals); a volatile read that
     *         never blocks
     */
    StatisticsSnapshot snapshot();
}
