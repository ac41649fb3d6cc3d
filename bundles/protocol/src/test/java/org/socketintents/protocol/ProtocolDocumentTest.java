package org.socketintents.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Destination;
import org.socketintents.api.policy.SuggestedOption;
import org.socketintents.api.policy.Transport;
import org.socketintents.api.stats.Figure;

/**
 * Keeps the example frames of docs/protocol.md true: each {@code ```hex name=...} block must decode to the
 * message the document describes, and that message must encode to exactly those bytes.
 */
class ProtocolDocumentTest {

    private static final Path DOCUMENT = Path.of("docs", "protocol.md");
    private static final Pattern HEX_BLOCK = Pattern.compile("^```hex name=(\\S+)\\n(.*?)^```", Pattern.MULTILINE
            | Pattern.DOTALL);

    static Map<String, Message> documented() throws UnknownHostException {
        Map<String, Message> messages = new LinkedHashMap<>();
        messages.put("resolve-example", new ResolveRequest(1, "example.com", 443, AddressFamily.ANY,
                Intents.builder().category(Category.QUERY).fileSize(15_360).build()));
        messages.put("connect-example", new ConnectRequest(2,
                new InetSocketAddress(InetAddress.getByName("198.51.100.7"), 443), "example.com", null,
                Intents.builder().category(Category.BULK_TRANSFER).fileSize(104_857_600).build()));
        messages.put("connect-reply-example", new DecisionReply(2, MessageType.CONNECT_REPLY, Decision.builder()
                .sourceInterface("wlan0")
                .sourceAddress(InetAddress.getByName("192.0.2.33"))
                .addDestination(new Destination(InetAddress.getByName("198.51.100.7"), "wlan0"))
                .addDestination(Destination.of(InetAddress.getByName("2001:db8::7")))
                .option(SuggestedOption.SO_RCVBUF, 262_144)
                .reason("bulk transfer: highest bandwidth")
                .build(), "category", DecisionOutcome.POLICY));
        messages.put("error-example", new ErrorReply(3, ErrorCode.UNSUPPORTED_VERSION, "version 2 not supported"));
        messages.put("stats-example", new StatsRequest(5, "wlan0"));
        Map<String, Figure> figures = new LinkedHashMap<>();
        figures.put("rtt.ms", Figure.measured(12.5, 180, 5_000));
        figures.put("bandwidth.down.bps", Figure.configured(6_000_000));
        messages.put("stats-reply-example", new StatsReply(5, 5_000,
                List.of(new StatsScope(StatsScope.Kind.EFFECTIVE, "wlan0", null, figures)), 0));
        messages.put("socketconnect-example", new SocketConnectRequest(6,
                InetSocketAddress.createUnresolved("example.com", 443), AddressFamily.ANY,
                Intents.builder().category(Category.BULK_TRANSFER).build(), 5_000));
        InetAddress server = InetAddress.getByName("198.51.100.7");
        messages.put("socketconnect-reply-example", new SocketConnectReply(6, Decision.builder()
                .addDestination(Destination.of(server))
                .transport(Transport.MPTCP)
                .reason("bulk transfer: MPTCP")
                .build(), "mptcp", DecisionOutcome.POLICY,
                new InetSocketAddress(InetAddress.getByName("192.0.2.33"), 40_000), new InetSocketAddress(server, 443),
                Transport.TCP, "the peer does not speak MPTCP"));
        messages.put("ping-example", new Ping(4));
        return messages;
    }

    static Stream<String> documentedNames() throws UnknownHostException {
        return documented().keySet().stream();
    }

    @Test
    void everyExampleInTheDocumentIsChecked() throws UnknownHostException {
        assertEquals(documented().keySet(), examples().keySet());
    }

    @ParameterizedTest
    @MethodSource("documentedNames")
    void exampleDecodesToTheDocumentedMessage(String name) throws Exception {
        byte[] frame = examples().get(name);
        ByteBuffer buffer = ByteBuffer.wrap(frame);
        int length = buffer.getInt();
        MessageDecoder.checkLength(length, Wire.DEFAULT_MAX_FRAME_BYTES);
        assertEquals(buffer.remaining(), length, "length prefix of " + name);
        assertEquals(documented().get(name), MessageDecoder.decode(buffer));
        assertFalse(buffer.hasRemaining());
    }

    @ParameterizedTest
    @MethodSource("documentedNames")
    void documentedMessageEncodesToTheExample(String name) throws UnknownHostException {
        assertArrayEquals(examples().get(name), Codec.array(MessageEncoder.encode(documented().get(name))), name);
    }

    /** @return the hex blocks of the document by name; in each line, text after '#' is a comment */
    private static Map<String, byte[]> examples() {
        Map<String, byte[]> examples = new LinkedHashMap<>();
        Matcher block = HEX_BLOCK.matcher(read(document()));
        while (block.find()) {
            StringBuilder hex = new StringBuilder();
            for (String line : block.group(2).split("\n")) {
                int comment = line.indexOf('#');
                for (String token : (comment < 0 ? line : line.substring(0, comment)).trim().split("\\s+")) {
                    if (!token.isEmpty()) {
                        assertTrue(token.matches("[0-9a-f]{2}"), "not a byte in " + block.group(1) + ": " + token);
                        hex.append(token);
                    }
                }
            }
            assertNull(examples.put(block.group(1), HexFormat.of().parseHex(hex)),
                    "example name used twice: " + block.group(1));
        }
        return examples;
    }

    /** Finds docs/protocol.md from the module directory Maven runs tests in, or from the repository root. */
    private static Path document() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(DOCUMENT);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(DOCUMENT + " not found above " + Path.of("").toAbsolutePath());
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
