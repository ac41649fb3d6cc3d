package org.socketintents.lab.delay;

/**
 * Packets one direction of a delay line has seen.
 *
 * @param received packets read from the sending side and queued
 * @param delivered packets written to the receiving side
 * @param dropped packets that found the delay queue full
 * @param writeErrors packets the receiving side refused
 */
public record LoopCounters(long received, long delivered, long dropped, long writeErrors) {
}
