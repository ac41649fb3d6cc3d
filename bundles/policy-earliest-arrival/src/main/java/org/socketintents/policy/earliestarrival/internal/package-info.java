/**
 * The earliest-arrival policy: {@link org.socketintents.policy.earliestarrival.internal.TransferModel} predicts each
 * interface's completion time for a download of the file-size intent's size from its RTT and free capacity
 * ({@link org.socketintents.policy.earliestarrival.internal.PathEstimate}), and
 * {@link org.socketintents.policy.earliestarrival.internal.EarliestArrivalPolicy} picks the earliest. The model and
 * its formula are documented in the bundle's README.
 */
package org.socketintents.policy.earliestarrival.internal;
