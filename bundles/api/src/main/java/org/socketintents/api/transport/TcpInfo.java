package org.socketintents.api.transport;

/**
 * A connection's (or one MPTCP subflow's) kernel statistics, Linux {@code struct tcp_info}. Times are in
 * microseconds unless the name says otherwise, counts since the connection started. Older kernels report a shorter
 * structure: a figure beyond the reported {@code length} is 0.
 *
 * @param state                  the TCP state number (1 established, ..., 10 listen), as in the kernel's tcp_states.h
 * @param rtoMicros              retransmission timeout
 * @param rttMicros              smoothed round-trip time
 * @param rttVarMicros           round-trip time variation
 * @param minRttMicros           the lowest RTT the kernel has seen
 * @param sendMss                maximum segment size for sending, in bytes
 * @param receiveMss             maximum segment size seen from the peer, in bytes
 * @param congestionWindow       congestion window, in segments
 * @param slowStartThreshold     slow-start threshold, in segments (2147483647 until the first loss)
 * @param unacked                segments sent and not yet acknowledged
 * @param lost                   segments currently considered lost
 * @param totalRetransmits       segments retransmitted
 * @param pathMtu                path MTU, in bytes
 * @param lastDataSentMillis     milliseconds since data was last sent
 * @param lastDataReceivedMillis milliseconds since data was last received
 * @param bytesSent              bytes sent, retransmissions included
 * @param bytesAcked             bytes sent and acknowledged
 * @param bytesReceived          bytes received
 * @param bytesRetransmitted     bytes retransmitted
 * @param segmentsOut            segments sent
 * @param segmentsIn             segments received
 * @param deliveryRateBps        the kernel's latest delivery rate estimate, in bytes per second
 * @param notSentBytes           bytes written by the application and not sent yet
 * @param sendWindow             the peer's advertised receive window, in bytes
 * @param length                 how many bytes of {@code tcp_info} the kernel reported
 */
public record TcpInfo(int state, long rtoMicros, long rttMicros, long rttVarMicros, long minRttMicros, int sendMss,
                      int receiveMss, long congestionWindow, long slowStartThreshold, long unacked, long lost,
                      long totalRetransmits, int pathMtu, long lastDataSentMillis, long lastDataReceivedMillis,
                      long bytesSent, long bytesAcked, long bytesReceived, long bytesRetransmitted, long segmentsOut,
                      long segmentsIn, long deliveryRateBps, long notSentBytes, long sendWindow, int length) {
}
