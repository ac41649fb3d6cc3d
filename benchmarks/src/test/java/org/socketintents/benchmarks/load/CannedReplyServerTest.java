package org.socketintents.benchmarks.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketintents.benchmarks.support.CannedReplyServer;
import org.socketintents.benchmarks.support.TypicalExchange;
import org.socketintents.protocol.DecisionReply;

class CannedReplyServerTest {

    @TempDir
    Path directory;

    @Test
    void everyRequestGetsTheCannedDecisionUnderItsOwnId() throws Exception {
        Path socket = directory.resolve("mam.sock");
        try (CannedReplyServer server = CannedReplyServer.start(socket,
                TypicalExchange.frame(TypicalExchange.reply(0)));
             DecisionClient client = DecisionClient.connect(socket, new DecisionTally())) {
            DecisionReply first = client.decide();
            DecisionReply second = client.decide();

            assertEquals(1, first.requestId());
            assertEquals(2, second.requestId());
            assertEquals(TypicalExchange.reply(2), second);
        }
        assertFalse(Files.exists(socket));
    }
}
