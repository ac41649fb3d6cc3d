package org.socketintents.protocol;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.socketintents.api.net.InterfacePrefix;
import org.socketintents.api.stats.Figure;
import org.socketintents.api.stats.FigureSource;

/** The value format of a {@code SCOPE} field of a STATS_REPLY (docs/protocol.md, section 6.5). */
final class StatsCodec {

    /** Bytes of a figure besides its name: name length, source, value, age. */
    private static final int FIGURE_FIXED_BYTES = 1 + 1 + 8 + 4;

    private StatsCodec() {
    }

    /** @return the bytes of a STATS_REPLY without scopes: header, STALE_AFTER and OMITTED fields */
    static int fixedReplyBytes() {
        return Wire.HEADER_BYTES + Wire.FIELD_HEADER_BYTES + 4 + Wire.FIELD_HEADER_BYTES + 2;
    }

    /**
     * @return the bytes the scope takes as a field, header included; -1 when the wire cannot carry it (a name
     *         that is not a valid name of at most {@value Wire#MAX_INTERFACE_NAME_BYTES} bytes, or too many figures)
     */
    static int fieldBytes(StatsScope scope) {
        if (!Names.isValid(scope.interfaceName(), Wire.MAX_INTERFACE_NAME_BYTES)) {
            return -1;
        }
        int bytes = 1 + 1 + utf8Length(scope.interfaceName());
        if (scope.prefix() != null) {
            bytes += MessageEncoder.addressBytes(scope.prefix().address()) + 1;
        }
        for (String name : scope.figures().keySet()) {
            if (!Names.isValid(name, Wire.MAX_INTERFACE_NAME_BYTES)) {
                return -1;
            }
            bytes += FIGURE_FIXED_BYTES + utf8Length(name);
        }
        return bytes > Wire.MAX_FIELD_BYTES ? -1 : Wire.FIELD_HEADER_BYTES + bytes;
    }

    /** Writes the scope's value (without the field header). */
    static void put(ByteBuffer out, StatsScope scope) {
        out.put((byte) scope.kind().code());
        putName(out, scope.interfaceName());
        if (scope.prefix() != null) {
            MessageEncoder.putAddress(out, scope.prefix().address());
            out.put((byte) scope.prefix().prefixLength());
        }
        for (Map.Entry<String, Figure> named : scope.figures().entrySet()) {
            Figure figure = named.getValue();
            putName(out, named.getKey());
            out.put((byte) EnumCodes.code(figure.source()));
            out.putDouble(figure.value());
            out.putInt((int) Math.min(figure.ageMillis(), Wire.MAX_U32));
        }
    }

    private static void putName(ByteBuffer out, String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        out.put((byte) bytes.length).put(bytes);
    }

    /** Reads the value of the current {@code SCOPE} field. */
    static StatsScope read(FieldReader f) throws ProtocolException {
        StatsScope.Kind kind = StatsScope.Kind.ofCode(f.partU8("scope kind"));
        if (kind == null) {
            throw f.malformed("unknown scope kind");
        }
        String interfaceName = f.prefixedName(Wire.MAX_INTERFACE_NAME_BYTES, "interface name");
        InterfacePrefix prefix = kind == StatsScope.Kind.PREFIX ? prefix(f) : null;
        Map<String, Figure> figures = new LinkedHashMap<>();
        while (f.remainingInField() > 0) {
            String name = f.prefixedName(Wire.MAX_INTERFACE_NAME_BYTES, "figure name");
            Figure figure = figure(f, name);
            if (figures.put(name, figure) != null) {
                throw f.malformed("figure " + name + " appears twice in one scope");
            }
        }
        return new StatsScope(kind, interfaceName, prefix, figures);
    }

    private static InterfacePrefix prefix(FieldReader f) throws ProtocolException {
        InetAddress address = f.address(f.remainingInField());
        int length = f.partU8("prefix length");
        try {
            return new InterfacePrefix(address, length);
        } catch (IllegalArgumentException e) {
            throw f.malformed(e.getMessage());
        }
    }

    private static Figure figure(FieldReader f, String name) throws ProtocolException {
        Object source = EnumCodes.value(FigureSource.class, f.partU8("figure source"));
        if (source == null) {
            throw f.malformed("figure " + name + " has an unknown source");
        }
        double value = f.partF64("figure value");
        long age = f.partU32("figure age");
        try {
            return new Figure(value, (FigureSource) source, age);
        } catch (IllegalArgumentException e) {
            throw f.malformed("figure " + name + ": " + e.getMessage());
        }
    }

    private static int utf8Length(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }
}
