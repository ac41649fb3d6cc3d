package org.socketintents.nativemptcp.internal;

import java.nio.ByteBuffer;

/**
 * Reads unsigned fields of kernel structures that grow at their end: a field beyond the length the kernel reported
 * (an older kernel) reads as 0.
 */
final class Fields {

    private Fields() {
    }

    static int u8(ByteBuffer b, int offset) {
        return offset < b.limit() ? Byte.toUnsignedInt(b.get(offset)) : 0;
    }

    static long u32(ByteBuffer b, int offset) {
        return offset + Integer.BYTES <= b.limit() ? Integer.toUnsignedLong(b.getInt(offset)) : 0;
    }

    /** 64-bit counters beyond {@link Long#MAX_VALUE} are out of reach in practice: read as signed. */
    static long u64(ByteBuffer b, int offset) {
        return offset + Long.BYTES <= b.limit() ? b.getLong(offset) : 0;
    }
}
