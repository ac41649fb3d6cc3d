/**
 * The Socket Intents client library: applications state what they know about a connection as socket options,
 * and the Multiple Access Manager (MAM) chooses source address, destination order and socket options for it.
 *
 * <ul>
 * <li>{@link org.socketintents.client.IntentSocket}: a {@link java.net.Socket} that takes
 *     {@link org.socketintents.api.Intent}s through {@code setOption}, like any other socket option.</li>
 * <li>{@link org.socketintents.client.IntentSocketFactory}: a {@link javax.net.SocketFactory} that puts a fixed
 *     set of intents on every socket, for libraries that accept a factory.</li>
 * <li>{@link org.socketintents.client.IntentResolver}: name resolution ordered by the MAM's policy.</li>
 * <li>{@link org.socketintents.client.IntentConnections}: connections the MAM opens on the application's
 *     behalf (MPTCP when its policy says so) and passes over, as a {@link java.net.Socket} or
 *     {@link java.nio.channels.SocketChannel}.</li>
 * <li>{@link org.socketintents.client.MamClient}: the connection to the MAM, its
 *     {@link org.socketintents.client.MamClientConfig configuration} and
 *     {@link org.socketintents.client.MamStatus status}; a decision ahead of any socket
 *     ({@link org.socketintents.client.MamClient#decide decide}) and the MAM's interface statistics
 *     ({@link org.socketintents.client.MamClient#stats() stats}).</li>
 * </ul>
 *
 * <p>Intents are advisory. When the MAM is not running, is slow, or fails, every call falls back to what the
 * JDK would do without Socket Intents, within a bounded time (by default 100 ms for a connect, 1 s for a
 * resolution), and the connection still succeeds. The library needs no OSGi framework at run time: it works as a
 * plain jar on the class path. It embeds junixsocket, which only delegated connects load.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.socketintents.client;
