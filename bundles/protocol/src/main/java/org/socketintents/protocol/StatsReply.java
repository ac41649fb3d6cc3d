package org.socketintents.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The MAM's interface statistics: for each interface its effective figures, its measured traffic and that of
 * each of its prefixes, as many scopes as fit in one frame of {@value Wire#DEFAULT_MAX_FRAME_BYTES} bytes.
 *
 * @param requestId        the request's id
 * @param staleAfterMillis the age beyond which the collector marks a measurement stale
 * @param scopes           the scopes sent, in order
 * @param omitted          how many further scopes did not fit (ask for one interface at a time to get them)
 */
public record StatsReply(int requestId, long staleAfterMillis, List<StatsScope> scopes, int omitted)
        implements Message {

    /** @throws IllegalArgumentException if the stale age or the omitted count is out of range of the wire */
    public StatsReply {
        if (staleAfterMillis < 0 || staleAfterMillis > Wire.MAX_U32) {
            throw new IllegalArgumentException("stale age out of range: " + staleAfterMillis);
        }
        if (omitted < 0 || omitted > 0xFFFF) {
            throw new IllegalArgumentException("omitted count out of range: " + omitted);
        }
        scopes = List.copyOf(scopes);
    }

    /**
     * @param requestId        the request's id
     * @param staleAfterMillis the collector's stale age (capped to the wire's range)
     * @param scopes           every scope there is to report, in order
     * @return a reply with the leading scopes that fit in one frame; the others are counted as omitted, as are
     *         scopes whose interface or figure names the wire cannot carry
     */
    public static StatsReply fitting(int requestId, long staleAfterMillis, List<StatsScope> scopes) {
        int room = Wire.DEFAULT_MAX_FRAME_BYTES - StatsCodec.fixedReplyBytes();
        List<StatsScope> sent = new ArrayList<>();
        int omitted = 0;
        boolean full = false;
        for (StatsScope scope : scopes) {
            int bytes = StatsCodec.fieldBytes(scope);
            full |= bytes > room;
            if (full || bytes < 0) {
                omitted++;
            } else {
                sent.add(scope);
                room -= bytes;
            }
        }
        return new StatsReply(requestId, Math.min(staleAfterMillis, Wire.MAX_U32), sent, Math.min(omitted, 0xFFFF));
    }

    @Override
    public MessageType type() {
        return MessageType.STATS_REPLY;
    }
}
