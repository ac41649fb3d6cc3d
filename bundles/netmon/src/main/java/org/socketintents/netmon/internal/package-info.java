/**
 * The interface monitor: {@link org.socketintents.netmon.internal.NetworkMonitor} polls the host's interfaces on its
 * own thread, merges each scan with the configuration (PID {@code org.socketintents.netmon} and one factory
 * configuration {@code org.socketintents.netmon.interface} per interface), publishes immutable snapshots and tells the
 * {@link org.socketintents.api.net.InterfaceListener} whiteboard about every new one.
 *
 * <p>The parts that decide what a snapshot contains take plain values so that tests can feed them synthetic
 * interface lists: {@link org.socketintents.netmon.internal.InterfaceScanner} is the only boundary to the host.
 */
package org.socketintents.netmon.internal;
