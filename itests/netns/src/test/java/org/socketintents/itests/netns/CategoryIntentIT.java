package org.socketintents.itests.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socketintents.api.Category;

/**
 * The paper's first scenario end to end, over real links: the MAM distribution runs in the client namespace
 * with the category policy, an application sets only the category intent through the client library, and the
 * server reports which of the client's addresses, and so which link, the connection came from.
 */
@RequiresNetworkNamespaces
class CategoryIntentIT {

    @RegisterExtension
    static final LabSessionExtension LAB = new LabSessionExtension();

    private static MamDaemon mam;

    @BeforeAll
    static void startMam() throws IOException, InterruptedException {
        mam = LAB.session().startMam();
        mam.awaitBothLinksKnown();
    }

    @Test
    void aQueryConnectsFromTheLowLatencyLink() throws Exception {
        assertConnectsFrom(TwoLinkLab.FIRST.clientAddress(), Category.QUERY);
    }

    @Test
    void aBulkTransferConnectsFromTheHighBandwidthLink() throws Exception {
        assertConnectsFrom(TwoLinkLab.SECOND.clientAddress(), Category.BULK_TRANSFER);
    }

    private static void assertConnectsFrom(InetAddress expected, Category category)
            throws IOException, InterruptedException {
        ConnectionReport report = LAB.session().connectToService(IntentClient.class, category, mam);
        assertEquals(expected, report.seenByServer(),
                () -> "the server saw the wrong client address for " + category + "\n" + mam.describe());
    }
}
