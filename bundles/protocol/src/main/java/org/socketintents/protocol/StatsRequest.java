package org.socketintents.protocol;

/**
 * Asks the MAM for its interface statistics.
 *
 * @param requestId     the client's id for the request
 * @param interfaceName the one interface whose statistics are wanted, or null for all
 */
public record StatsRequest(int requestId, String interfaceName) implements Message {

    @Override
    public MessageType type() {
        return MessageType.STATS;
    }
}
