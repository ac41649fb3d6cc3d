package org.socketintents.lab.scenario;

import java.util.Locale;

import org.socketintents.lab.os.MptcpCounters;

/**
 * Whether a repetition of an MPTCP variant ran MPTCP over both links, from the growth of the client namespace's
 * MPTCP counters over the repetition. Each MPTCP connection starts on one link, and the client's subflow endpoints
 * (one per link address, routed by source address over its own link) join the other link's address: a connection
 * whose server acknowledged a join therefore had a subflow on each link. A repetition passes when at least one
 * connection negotiated MPTCP, none fell back to plain TCP, and every MPTCP connection got a joined subflow;
 * otherwise its figures are not MPTCP figures and count as failed.
 *
 * @param attempted connections an MPTCP socket opened (SYN with MP_CAPABLE)
 * @param negotiated connections the server accepted as MPTCP
 * @param fellBack connections that fell back to plain TCP at the handshake
 * @param joined subflows that joined a connection
 */
public record MptcpCheck(long attempted, long negotiated, long fellBack, long joined) {

    public static MptcpCheck between(MptcpCounters before, MptcpCounters after) {
        MptcpCounters grown = after.since(before);
        return new MptcpCheck(grown.get(MptcpCounters.CAPABLE_SYN_SENT), grown.get(MptcpCounters.CAPABLE_SYNACK_RECEIVED),
                grown.get(MptcpCounters.FALLBACK_SYNACK), grown.get(MptcpCounters.JOIN_SYNACK_RECEIVED));
    }

    public boolean passed() {
        return negotiated > 0 && fellBack == 0 && joined >= negotiated;
    }

    @Override
    public String toString() {
        String verdict = passed() ? "MPTCP with a subflow on each link"
                : attempted == 0 ? "FAILED: plain TCP only (no connection asked for MPTCP)"
                : negotiated == 0 || fellBack > 0 ? "FAILED: the server did not accept MPTCP on every connection"
                : "FAILED: not every MPTCP connection got a subflow on the second link";
        return String.format(Locale.ROOT, "%s: %d MPTCP connection(s) attempted, %d negotiated, %d fell back to TCP,"
                + " %d subflow(s) joined", verdict, attempted, negotiated, fellBack, joined);
    }
}
