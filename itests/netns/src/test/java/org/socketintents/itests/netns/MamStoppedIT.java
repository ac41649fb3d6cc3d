package org.socketintents.itests.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socketintents.api.Category;
import org.socketintents.protocol.MamSocketPath;

/**
 * Intents are advisory: when the MAM has died, leaving its socket file behind, an application using the client
 * library still connects, the operating system's default way (here: the first link, whatever the category).
 */
@RequiresNetworkNamespaces
class MamStoppedIT {

    private static LabSession session;
    private static MamDaemon mam;

    @BeforeAll
    static void startAndKillMam() throws IOException, InterruptedException {
        session = LabSession.open(MamStoppedIT.class.getSimpleName());
        mam = session.own(MamDaemon.start(session.lab(), session.logs()));
        mam.kill();
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void aBulkTransferConnectsTheOsDefaultWay() throws Exception {
        ConnectionReport report = session.connect("client-without-mam", IntentClient.class,
                List.of("-D" + MamSocketPath.PROPERTY + "=" + mam.socket()),
                List.of(Category.BULK_TRANSFER.name(), TwoLinkLab.SERVICE.getAddress().getHostAddress(),
                        Integer.toString(TwoLinkLab.SERVICE.getPort())));
        assertEquals(TwoLinkLab.FIRST.clientAddress(), report.seenByServer());
    }
}
