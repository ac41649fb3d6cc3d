package org.socketintents.nativemptcp.internal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import com.sun.jna.LastErrorException;

/**
 * SCTP_PRIMARY_ADDR: {@code struct sctp_prim} (linux/sctp.h, packed, aligned to 4): the association id (s32, native
 * byte order) followed by a {@code sockaddr_storage} holding the peer address. Only the encoding can be tested on a
 * kernel without SCTP.
 */
final class SctpPrimaryPath {

    private static final int SIZE = Integer.BYTES + SocketAddresses.STORAGE_SIZE;

    /** One-to-one style sockets have a single association; the kernel ignores the id for them. */
    private static final int ONE_TO_ONE_ASSOCIATION = 0;

    private SctpPrimaryPath() {
    }

    /**
     * @param primary the peer address to make primary
     * @return the option value
     */
    static byte[] encode(InetSocketAddress primary) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.nativeOrder());
        b.putInt(ONE_TO_ONE_ASSOCIATION);
        SocketAddresses.writeInto(b, primary);
        return b.array();
    }

    /**
     * @param descriptor a one-to-one style SCTP socket
     * @param primary    the peer address to make primary
     */
    static void set(int descriptor, InetSocketAddress primary) throws IOException {
        byte[] value = encode(primary);
        try {
            LibC.setsockopt(descriptor, LibC.SOL_SCTP, LibC.SCTP_PRIMARY_ADDR, value, value.length);
        } catch (LastErrorException e) {
            throw Errno.exception("setting the SCTP primary path to " + SocketAddresses.format(primary)
                    + " (SCTP_PRIMARY_ADDR)", e.getErrorCode());
        }
    }
}
