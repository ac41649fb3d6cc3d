/**
 * Socket Intents: what an application knows about a connection, stated per connection like a socket option.
 *
 * <p>The seven intents of Table 1 of the paper (category, file size, duration, bitrate, burstiness,
 * timeliness, resilience) are {@link org.socketintents.api.Intent} constants; applications may add
 * their own key/value intents with {@link org.socketintents.api.Intent#custom(String)}. Intents are
 * advisory: a policy may ignore any of them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.socketintents.api;
