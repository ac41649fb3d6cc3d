package org.socketintents.itests.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.protocol.MamSocketPath;

/**
 * The paper's first scenario end to end, over real links: the MAM distribution runs in the client namespace
 * with the category policy, an application sets only the category intent through the client library, and the
 * server reports which of the client's addresses, and so which link, the connection came from.
 */
@RequiresNetworkNamespaces
class CategoryIntentIT {

    /** The figures of each link reach the MAM separately (one configuration file each): wait for both. */
    private static final Duration LINKS_KNOWN = Duration.ofSeconds(30);
    /** Generous, so that a cold JVM on a busy machine does not fall back to the OS default by accident. */
    private static final String MAM_TIMEOUT = "-Dsocketintents.timeout.ms=5000";

    private static LabSession session;
    private static MamDaemon mam;

    @BeforeAll
    static void startMam() throws IOException, InterruptedException {
        session = LabSession.open(CategoryIntentIT.class.getSimpleName());
        mam = session.own(MamDaemon.start(session.lab(), session.logs()));
        awaitDecision(Category.QUERY, TwoLinkLab.FIRST);
        awaitDecision(Category.BULK_TRANSFER, TwoLinkLab.SECOND);
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
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
        ConnectionReport report = session.connect("client-" + category, IntentClient.class,
                List.of("-D" + MamSocketPath.PROPERTY + "=" + mam.socket(), MAM_TIMEOUT),
                List.of(category.name(), TwoLinkLab.SERVICE.getAddress().getHostAddress(),
                        Integer.toString(TwoLinkLab.SERVICE.getPort())));
        assertEquals(expected, report.seenByServer(),
                () -> "the server saw the wrong client address for " + category + "\n" + mam.describe());
    }

    private static void awaitDecision(Category category, TwoLinkLab.Link link) throws InterruptedException {
        MamProbe probe = mam.probe();
        Intents intents = Intents.builder().category(category).build();
        Await.until("decision for " + category + " from " + link.clientDevice(), LINKS_KNOWN,
                () -> Optional.of(probe.decideConnect(intents, TwoLinkLab.SERVICE))
                        .filter(reply -> reply.decision().sourceInterface().equals(
                                Optional.of(link.clientDevice()))),
                mam::describe);
    }
}
