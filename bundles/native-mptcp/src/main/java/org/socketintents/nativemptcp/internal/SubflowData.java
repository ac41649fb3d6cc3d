package org.socketintents.nativemptcp.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * One answer to an MPTCP per-subflow getsockopt (MPTCP_TCPINFO, MPTCP_SUBFLOW_ADDRS): {@code struct
 * mptcp_subflow_data} (linux/mptcp.h) followed by one element per subflow. The caller states the element size it
 * understands; the kernel lowers it to its own and reports how many subflows there are, copying as many as fit.
 */
final class SubflowData {

    private static final int HEADER_SIZE = 16;

    private static final int NUM_SUBFLOWS = 4;
    private static final int SIZE_USER = 12;

    private final ByteBuffer reply;
    private final int capacity;

    private SubflowData(ByteBuffer reply, int capacity) {
        this.reply = reply;
        this.capacity = capacity;
    }

    /**
     * @param socket      an MPTCP socket
     * @param option      MPTCP_TCPINFO or MPTCP_SUBFLOW_ADDRS
     * @param elementSize the element size this code understands
     * @param capacity    how many elements to make room for
     * @param step        the step as error messages show it
     * @return the answer
     */
    static SubflowData read(NativeSocket socket, int option, int elementSize, int capacity, String step)
            throws IOException {
        byte[] buffer = request(elementSize, capacity);
        int length = socket.getBytes(LibC.SOL_MPTCP, option, buffer, step);
        return new SubflowData(ByteBuffer.wrap(buffer, 0, length).slice().order(ByteOrder.nativeOrder()), capacity);
    }

    /**
     * @return a request: the header (its own size, zero counts as the kernel requires, the element size) and room
     *         for {@code capacity} elements
     */
    static byte[] request(int elementSize, int capacity) {
        ByteBuffer b = ByteBuffer.allocate(HEADER_SIZE + elementSize * capacity).order(ByteOrder.nativeOrder());
        b.putInt(HEADER_SIZE).putInt(0).putInt(0).putInt(elementSize);
        return b.array();
    }

    /** @return how many subflows the connection has */
    int count() {
        return reply.getInt(NUM_SUBFLOWS);
    }

    /** @return whether every subflow's element was copied */
    boolean complete() {
        return count() <= capacity;
    }

    /**
     * @param index a subflow's index, below {@link #count()} of a complete answer
     * @return its element, native byte order, limited to the size the kernel copied
     */
    ByteBuffer element(int index) {
        int size = reply.getInt(SIZE_USER);
        return reply.slice(HEADER_SIZE + index * size, size).order(ByteOrder.nativeOrder());
    }
}
