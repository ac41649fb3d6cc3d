package org.socketintents.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;

/** Encoding and decoding through the real encoder and decoder, checking the framing on the way. */
final class Codec {

    private Codec() {
    }

    /** @return the frame body (without length prefix) the encoder writes for {@code message} */
    static ByteBuffer body(Message message) {
        ByteBuffer frame = MessageEncoder.encode(message);
        int length = frame.getInt();
        assertEquals(frame.remaining(), length, "length prefix counts the bytes after it");
        return frame.slice();
    }

    /** @return the message decoded from its own encoding, after checking the decoder read the whole frame */
    static Message roundTrip(Message message) throws ProtocolException {
        ByteBuffer body = body(message);
        Message decoded = MessageDecoder.decode(body);
        assertFalse(body.hasRemaining(), "decoder consumes the whole frame");
        return decoded;
    }

    static byte[] array(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }
}
