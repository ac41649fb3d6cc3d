package org.socketintents.itests.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lab itself, without any Socket Intents code: the source address an application binds chooses the link,
 * and an unbound socket takes the first. The intent tests rely on both.
 */
@RequiresNetworkNamespaces
class TwoLinkLabIT {

    @RegisterExtension
    static final LabSessionExtension LAB = new LabSessionExtension();

    @Test
    void theFirstLinksAddressReachesTheServerOverTheFirstLink() throws Exception {
        assertSeenByServer(TwoLinkLab.FIRST.clientAddress(), "bound-first", TwoLinkLab.FIRST.clientAddress());
    }

    @Test
    void theSecondLinksAddressReachesTheServerOverTheSecondLink() throws Exception {
        assertSeenByServer(TwoLinkLab.SECOND.clientAddress(), "bound-second", TwoLinkLab.SECOND.clientAddress());
    }

    @Test
    void anUnboundSocketTakesTheFirstLink() throws Exception {
        assertSeenByServer(TwoLinkLab.FIRST.clientAddress(), "unbound", null);
    }

    private static void assertSeenByServer(InetAddress expected, String name, InetAddress bind)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of(TwoLinkLab.SERVICE.getAddress().getHostAddress(),
                Integer.toString(TwoLinkLab.SERVICE.getPort())));
        if (bind != null) {
            args.add(bind.getHostAddress());
        }
        ConnectionReport report = LAB.session().connect(name, BoundSocketClient.class, List.of(), args);
        assertEquals(new ConnectionReport(expected, expected), report);
    }
}
