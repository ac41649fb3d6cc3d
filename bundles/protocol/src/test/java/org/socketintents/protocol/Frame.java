package org.socketintents.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** Builds frame bodies (everything after the length prefix) byte by byte, including ones that break the rules. */
final class Frame {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private Frame() {
    }

    /** @return a frame with a version 1 header of that type and request id */
    static Frame of(MessageType type, int requestId) {
        return header(Wire.VERSION, type.code(), requestId);
    }

    static Frame header(int version, int typeCode, int requestId) {
        return new Frame().raw(version, typeCode, 0, 0).u32(requestId);
    }

    /** Appends a field whose length is the value's. */
    Frame field(int tag, byte... value) {
        return fieldDeclaring(tag, value.length, value);
    }

    /** Appends a field that declares {@code length} whatever the value's real length. */
    Frame fieldDeclaring(int tag, int length, byte... value) {
        raw(tag, length >> 8, length);
        bytes.writeBytes(value);
        return this;
    }

    Frame u8(int tag, int value) {
        return field(tag, (byte) value);
    }

    Frame u16(int tag, int value) {
        return field(tag, (byte) (value >> 8), (byte) value);
    }

    Frame u64(int tag, long value) {
        return field(tag, ByteBuffer.allocate(8).putLong(value).array());
    }

    Frame text(int tag, String value) {
        return field(tag, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Appends bytes as they are; each int is taken as one byte. */
    Frame raw(int... values) {
        for (int value : values) {
            bytes.write(value);
        }
        return this;
    }

    private Frame u32(int value) {
        return raw(value >>> 24, value >>> 16, value >>> 8, value);
    }

    /** @return the frame body, ready for {@link MessageDecoder#decode(ByteBuffer)} */
    ByteBuffer body() {
        return ByteBuffer.wrap(bytes.toByteArray());
    }

    /** Concatenates byte arrays, for field values made of parts. */
    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
