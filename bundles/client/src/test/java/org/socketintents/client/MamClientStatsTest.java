package org.socketintents.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketintents.api.stats.Figure;
import org.socketintents.protocol.ErrorCode;
import org.socketintents.protocol.ErrorReply;
import org.socketintents.protocol.StatsReply;
import org.socketintents.protocol.StatsRequest;
import org.socketintents.protocol.StatsScope;

class MamClientStatsTest {

    @TempDir
    Path dir;

    private FakeMam mam;
    private MamClient client;

    @BeforeEach
    void setUp() {
        mam = new FakeMam(dir.resolve("mam.sock"));
        client = MamClient.create(MamClientConfig.builder().socketPath(mam.path()).timeout(Duration.ofMillis(500))
                .backoff(Duration.ofHours(1)).build());
    }

    @AfterEach
    void tearDown() throws IOException {
        client.close();
        mam.stop();
    }

    @Test
    void statsAreTheMamsReplyForAllOrOneInterface() throws Exception {
        mam.behave((request, conversation) -> conversation.reply(new StatsReply(request.requestId(), 5_000,
                List.of(new StatsScope(StatsScope.Kind.EFFECTIVE, "i1", null,
                        Map.of("rtt.ms", Figure.configured(10)))), 2))).start();

        StatsReply all = client.stats();
        assertEquals(Figure.configured(10), all.scopes().get(0).figures().get("rtt.ms"));
        assertEquals(2, all.omitted());
        client.stats("i1");

        List<StatsRequest> requests = mam.requests(StatsRequest.class);
        assertNull(requests.get(0).interfaceName());
        assertEquals("i1", requests.get(1).interfaceName());
    }

    @Test
    void anErrorReplyIsReportedWithItsCodeAndMessage() throws Exception {
        mam.behave((request, conversation) -> conversation.reply(new ErrorReply(request.requestId(),
                ErrorCode.UNAVAILABLE, "no statistics collector is running"))).start();
        IOException e = assertThrows(IOException.class, client::stats);
        assertTrue(e.getMessage().contains("UNAVAILABLE: no statistics collector"), e.getMessage());
        assertFalse(client.status().backingOff(), "a diagnostic does not make the MAM look broken");
    }

    @Test
    void anAbsentOrSilentMamIsReported() throws Exception {
        assertThrows(IOException.class, client::stats);
        assertFalse(client.status().backingOff());
        mam.behave(FakeMam.stalling()).start();
        assertThrows(SocketTimeoutException.class, client::stats);
        assertThrows(IllegalArgumentException.class, () -> client.stats("wlan 0"));
    }
}
