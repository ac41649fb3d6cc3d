package org.socketintents.itests.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socketintents.api.Category;
import org.socketintents.protocol.MamSocketPath;

/**
 * Intents are advisory: when the MAM has died, leaving its socket file behind, an application using the client
 * library still connects, the operating system's default way (here: the first link, whatever the category).
 */
@RequiresNetworkNamespaces
class MamStoppedIT {

    @RegisterExtension
    static final LabSessionExtension LAB = new LabSessionExtension();

    private static MamDaemon mam;

    @BeforeAll
    static void startAndKillMam() throws IOException, InterruptedException {
        mam = LAB.session().startMam();
        mam.kill();
    }

    @Test
    void aBulkTransferConnectsTheOsDefaultWay() throws Exception {
        ConnectionReport report = LAB.session().connect("client-without-mam", IntentClient.class,
                List.of("-D" + MamSocketPath.PROPERTY + "=" + mam.socket()),
                List.of(Category.BULK_TRANSFER.name(), TwoLinkLab.SERVICE.getAddress().getHostAddress(),
                        Integer.toString(TwoLinkLab.SERVICE.getPort())));
        assertEquals(TwoLinkLab.FIRST.clientAddress(), report.seenByServer());
    }
}
