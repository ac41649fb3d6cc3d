package org.socketintents.protocol;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.socketintents.api.Intent;
import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Destination;
import org.socketintents.api.policy.SuggestedOption;

/** A cursor over the fields of one frame, with readers for each value format of docs/protocol.md section 5. */
final class FieldReader {
    private final ByteBuffer in;
    private final int requestId;
    /** The tags (0-255) read of the fields that may occur once per frame, a bit each: no allocation per field. */
    private final long[] seenTags = new long[4];
    /** Suggested options and custom intent names read, which may occur once each; made when the first is. */
    private Set<Object> seenOthers;
    private int tag;
    private int length;
    private int end;

    FieldReader(ByteBuffer in, int requestId) {
        this.in = in;
        this.requestId = requestId;
    }

    boolean next() throws ProtocolException {
        if (end > 0 && in.position() != end) {
            throw malformed("field 0x" + Integer.toHexString(tag) + " has trailing bytes");
        }
        if (!in.hasRemaining()) {
            return false;
        }
        if (in.remaining() < Wire.FIELD_HEADER_BYTES) {
            throw malformed("truncated field header");
        }
        tag = in.get() & 0xFF;
        length = in.getShort() & 0xFFFF;
        if (length > in.remaining()) {
            throw malformed("field 0x" + Integer.toHexString(tag) + " of length " + length
                    + " runs past the end of the frame");
        }
        end = in.position() + length;
        return true;
    }

    /** @return the current field's tag */
    int tag() {
        return tag;
    }

    /** @return the current field's value length */
    int length() {
        return length;
    }

    /** @return the bytes of the current field's value not read yet */
    int remainingInField() {
        return end - in.position();
    }

    void skip() {
        in.position(end);
    }

    void skipAll() throws ProtocolException {
        while (next()) {
            skip();
        }
    }

    /** Refuses a second occurrence of the current field, for the fields that may appear only once. */
    void once() throws ProtocolException {
        if (!firstOfTag()) {
            throw malformed("field 0x" + Integer.toHexString(tag) + " appears twice");
        }
    }

    /** @return whether the current field's tag is read for the first time in this frame (and marks it read) */
    private boolean firstOfTag() {
        long bit = 1L << (tag & 63);
        int word = tag >>> 6;
        boolean first = (seenTags[word] & bit) == 0;
        seenTags[word] |= bit;
        return first;
    }

    /** @param kind what {@code key} is, for the error message */
    private void once(Object key, String kind) throws ProtocolException {
        if (seenOthers == null) {
            seenOthers = new HashSet<>();
        }
        if (!seenOthers.add(key)) {
            throw malformed(kind + " " + key + " appears twice");
        }
    }

    int u8() throws ProtocolException {
        expectLength(1);
        return in.get() & 0xFF;
    }

    int u16() throws ProtocolException {
        expectLength(2);
        return in.getShort() & 0xFFFF;
    }

    AddressFamily family() throws ProtocolException {
        AddressFamily family = AddressFamily.ofCode(u8());
        if (family == null) {
            throw malformed("unknown address family");
        }
        return family;
    }

    long u32() throws ProtocolException {
        expectLength(4);
        return Integer.toUnsignedLong(in.getInt());
    }

    long u64() throws ProtocolException {
        expectLength(8);
        return in.getLong();
    }

    private void expectLength(int expected) throws ProtocolException {
        if (length != expected) {
            throw malformed("field 0x" + Integer.toHexString(tag) + " must have " + expected
                    + " bytes, has " + length);
        }
    }

    String text(int maxBytes) throws ProtocolException {
        return text(length, maxBytes);
    }

    private String text(int bytes, int maxBytes) throws ProtocolException {
        if (bytes > maxBytes) {
            throw malformed("text field 0x" + Integer.toHexString(tag) + " longer than " + maxBytes + " bytes");
        }
        ByteBuffer slice = in.slice();
        slice.limit(bytes);
        in.position(in.position() + bytes);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            CharBuffer chars = decoder.decode(slice);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw malformed("field 0x" + Integer.toHexString(tag) + " is not valid UTF-8");
        }
    }

    String hostName() throws ProtocolException {
        return name(length, Wire.MAX_HOST_BYTES, "host name");
    }

    String interfaceName() throws ProtocolException {
        return name(length, Wire.MAX_INTERFACE_NAME_BYTES, "interface name");
    }

    /**
     * Reads a length-prefixed part of a structured value: a one-byte length, then that many bytes of name.
     */
    String prefixedName(int maxBytes, String what) throws ProtocolException {
        return name(partU8(what + " length"), maxBytes, what);
    }

    /** Reads one byte of a structured value, refusing to read past the field. */
    int partU8(String what) throws ProtocolException {
        need(1, what);
        return in.get() & 0xFF;
    }

    /** Reads an unsigned 32-bit part of a structured value. */
    long partU32(String what) throws ProtocolException {
        need(4, what);
        return Integer.toUnsignedLong(in.getInt());
    }

    /** Reads an IEEE 754 double part of a structured value. */
    double partF64(String what) throws ProtocolException {
        need(8, what);
        return in.getDouble();
    }

    private void need(int bytes, String what) throws ProtocolException {
        if (remainingInField() < bytes) {
            throw malformed("field 0x" + Integer.toHexString(tag) + " ends within its " + what);
        }
    }

    String name(int bytes, int maxBytes, String what) throws ProtocolException {
        if (bytes == 0) {
            throw malformed("empty " + what);
        }
        need(bytes, what);
        String name = text(bytes, maxBytes);
        if (!Names.isPrintable(name)) {
            throw malformed(what + " contains a space or control character");
        }
        return name;
    }

    InetAddress address(int available) throws ProtocolException {
        if (available < 1) {
            throw malformed("address without a family byte");
        }
        int family = in.get() & 0xFF;
        int bytes = family == 4 ? 4 : family == 6 ? 16 : -1;
        if (bytes < 0) {
            throw malformed("unknown address family " + family);
        }
        if (available - 1 < bytes) {
            throw malformed("truncated IPv" + family + " address");
        }
        byte[] raw = new byte[bytes];
        in.get(raw);
        try {
            return InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw malformed("bad address");
        }
    }

    InetSocketAddress socketAddress() throws ProtocolException {
        InetAddress address = address(length - 2);
        if (in.position() + 2 != end) {
            throw malformed("socket address field has the wrong length");
        }
        return new InetSocketAddress(address, in.getShort() & 0xFFFF);
    }

    Destination destination() throws ProtocolException {
        InetAddress address = address(length);
        int tagBytes = end - in.position();
        if (tagBytes == 0) {
            return Destination.of(address);
        }
        return new Destination(address, name(tagBytes, Wire.MAX_INTERFACE_NAME_BYTES, "interface name"));
    }

    void option(Decision.Builder decision) throws ProtocolException {
        expectLength(5);
        int number = in.get() & 0xFF;
        int value = in.getInt();
        SuggestedOption option = SuggestedOption.ofNumber(number);
        if (option == null) {
            return; // an option of a newer protocol revision: advisory, so ignored
        }
        once(option, "option");
        if (!option.accepts(value)) {
            throw malformed(option + " does not accept " + value);
        }
        decision.option(option, value);
    }

    /** @return whether the field was an intent (and was read) */
    boolean intent(Intents.Builder intents) throws ProtocolException {
        if (tag == Wire.CUSTOM_INTENT) {
            customIntent(intents);
            return true;
        }
        int number = tag - Wire.INTENT_BASE;
        Intent<?> intent = Intent.standard(number).orElse(null);
        if (intent == null) {
            return false;
        }
        if (!firstOfTag()) {
            throw malformed("intent " + intent.name() + " appears twice");
        }
        try {
            if (intent.type() == Long.class) {
                long value = u64();
                if (value < 0) {
                    throw malformed("intent " + intent.name() + " out of range: " + Long.toUnsignedString(value));
                }
                intents.set(asLong(intent), value);
            } else {
                int code = u8();
                Object value = EnumCodes.value(intent.type(), code);
                if (value == null) {
                    throw malformed("unknown value " + code + " for intent " + intent.name());
                }
                setUnchecked(intents, intent, value);
            }
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
        return true;
    }

    private void customIntent(Intents.Builder intents) throws ProtocolException {
        if (length < 1) {
            throw malformed("custom intent without a name length");
        }
        int nameBytes = in.get() & 0xFF;
        if (nameBytes == 0 || nameBytes > length - 1) {
            throw malformed("custom intent name length " + nameBytes + " does not fit the field");
        }
        String name = text(nameBytes, Intent.MAX_CUSTOM_NAME_BYTES);
        String value = text(end - in.position(), Intent.MAX_CUSTOM_VALUE_BYTES);
        once(name, "custom intent");
        try {
            intents.set(Intent.custom(name), value);
        } catch (IllegalArgumentException e) {
            throw malformed(e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    private static Intent<Long> asLong(Intent<?> intent) {
        return (Intent<Long>) intent;
    }

    @SuppressWarnings("unchecked")
    private static <T> void setUnchecked(Intents.Builder intents, Intent<T> intent, Object value) {
        intents.set(intent, (T) value);
    }

    ProtocolException malformed(String message) {
        return new ProtocolException(ErrorCode.MALFORMED, requestId, message);
    }
}
