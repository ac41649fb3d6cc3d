package org.socketintents.siget.report;

import java.util.Arrays;
import java.util.List;

/**
 * One HTTP exchange of a download: one record per object per phase, and per attempt when a broken transfer is
 * resumed. Times are milliseconds since the epoch; "first byte" is when the response head arrived.
 *
 * @param url           the URL requested
 * @param phase         {@code probe} or {@code rest} of a two-phase download, {@code whole} otherwise
 * @param attempt       1 for the first try, more for resumptions
 * @param status        the HTTP status; 0 when no response came
 * @param rangeStart    the first byte asked for
 * @param bytes         how many body bytes arrived
 * @param objectSize    the object's size as the server gave it; -1 when unknown
 * @param intents       the intents the request carried
 * @param interfaceName the interface of the local address; empty when unknown
 * @param localAddress  the connection's local address and port; empty when there was no connection
 * @param remoteAddress the connection's remote address and port; empty when there was no connection
 * @param connection    {@code new} or {@code reused}; empty when there was no connection
 * @param start         when the request was started
 * @param firstByte     when the response head arrived; -1 when none did
 * @param end           when the exchange ended
 * @param error         why the exchange failed; empty when it did not
 * @param transport     {@code tcp} or {@code mptcp}: what the connection runs over; empty when there was no
 *                      connection. Last, so that readers of the older columns by position still work
 */
public record TimingRecord(String url, String phase, int attempt, int status, long rangeStart, long bytes,
                           long objectSize, String intents, String interfaceName, String localAddress,
                           String remoteAddress, String connection, long start, long firstByte, long end,
                           String error, String transport) {

    /** The column names, in the order of {@link #values()}. */
    public static final List<String> COLUMNS = List.of("url", "phase", "attempt", "status", "range_start", "bytes",
            "object_size", "intents", "interface", "local_address", "remote_address", "connection", "start_ms",
            "first_byte_ms", "end_ms", "error", "transport");

    /** @return the values in column order; unknown numbers are null */
    public List<Object> values() {
        return Arrays.asList(url, phase, attempt, status == 0 ? null : status, rangeStart, bytes,
                objectSize < 0 ? null : objectSize, intents, interfaceName, localAddress, remoteAddress, connection,
                start, firstByte < 0 ? null : firstByte, end, error, transport);
    }
}
