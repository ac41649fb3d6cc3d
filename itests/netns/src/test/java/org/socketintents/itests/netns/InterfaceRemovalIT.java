package org.socketintents.itests.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socketintents.api.Category;

/**
 * An interface removed while applications connect: the MAM (the distribution, category policy) stops choosing it
 * within a second, and no connection over the other interface fails. Bulk transfers start on the second link
 * (the higher bandwidth) and queries on the first; mid-run the second link's device is deleted. The moment of
 * every decision is taken in the client program, the moment of the deletion here: both read CLOCK_MONOTONIC.
 */
@RequiresNetworkNamespaces
class InterfaceRemovalIT {

    private static final Duration CLIENTS_RUN = Duration.ofSeconds(8);
    private static final Duration CLIENTS_CONNECTED = Duration.ofSeconds(20);
    private static final Duration CHOSEN_NO_MORE_WITHIN = Duration.ofSeconds(1);
    private static final Duration BOTH_LINKS_USED = Duration.ofSeconds(1);

    @RegisterExtension
    static final LabSessionExtension LAB = new LabSessionExtension();

    private static MamDaemon mam;

    @BeforeAll
    static void startMam() throws IOException, InterruptedException {
        mam = LAB.session().startMam();
        mam.awaitBothLinksKnown();
    }

    @Test
    void aRemovedInterfaceIsChosenNoMoreWithinASecondAndConnectionsOverTheOtherSucceed() throws Exception {
        String removed = TwoLinkLab.SECOND.clientDevice();
        String kept = TwoLinkLab.FIRST.clientDevice();
        LabSession session = LAB.session();
        ChildProcess clients = session.own(ChildProcess.start("clients", session.lab().inClient(JavaCommand.of(
                LoopingIntentClient.class, mam.clientOptions(),
                List.of(Long.toString(CLIENTS_RUN.toMillis()), TwoLinkLab.SERVICE.getAddress().getHostAddress(),
                        Integer.toString(TwoLinkLab.SERVICE.getPort()), Category.BULK_TRANSFER.name(),
                        Category.BULK_TRANSFER.name(), Category.QUERY.name(), Category.QUERY.name()))),
                Map.of(), session.logs()));
        long started = System.nanoTime();
        DecidedConnection first = awaitConnectionOver(clients, removed, started, CLIENTS_CONNECTED);
        awaitConnectionOver(clients, kept, started, CLIENTS_CONNECTED);
        // a while of connections over both links, so that some are in flight when the device goes
        awaitConnectionOver(clients, removed, first.decidedNanos() + BOTH_LINKS_USED.toNanos(), CLIENTS_RUN);

        long removal = System.nanoTime();
        session.lab().removeClientDevice(TwoLinkLab.SECOND);
        long removedBy = System.nanoTime();

        assertEquals(0, clients.awaitExit(CLIENTS_RUN.plus(CLIENTS_CONNECTED)), clients::describe);
        assertTrue(clients.lines().contains(LoopingIntentClient.DONE), clients::describe);
        List<DecidedConnection> connections = DecidedConnection.find(clients.lines());
        long lastChoice = connections.stream().filter(c -> c.named(removed))
                .mapToLong(DecidedConnection::decidedNanos).max().orElseThrow();
        long chosenNoMore = removal + CHOSEN_NO_MORE_WITHIN.toNanos();
        List<DecidedConnection> later = connections.stream().filter(c -> c.decidedNanos() > chosenNoMore).toList();
        List<DecidedConnection> otherFailed = connections.stream()
                .filter(c -> !c.named(removed) && !c.connected()).toList();
        System.out.printf("interface removal: %d connections (%d from %s, %d failed of them); %s removed in %d ms;"
                        + " last decision for it %d ms after the removal began; %d connections after %d ms%n",
                connections.size(), connections.stream().filter(c -> c.named(removed)).count(), removed,
                connections.stream().filter(c -> c.named(removed) && !c.connected()).count(), removed,
                (removedBy - removal) / 1_000_000, (lastChoice - removal) / 1_000_000, later.size(),
                CHOSEN_NO_MORE_WITHIN.toMillis());

        assertTrue(lastChoice < chosenNoMore, () -> removed + " was still chosen "
                + (lastChoice - removal) / 1_000_000 + " ms after its removal began\n" + mam.describe());
        assertFalse(later.isEmpty(), "the clients stopped connecting before the removal could show");
        assertTrue(later.stream().anyMatch(c -> c.category() == Category.BULK_TRANSFER && c.named(kept)),
                () -> "bulk transfers should move to " + kept + ": " + later);
        assertEquals(List.of(), otherFailed, "connections not decided for the removed interface must not fail");
    }

    /** @return the first connection the clients made over the device with a decision taken after {@code after} */
    private static DecidedConnection awaitConnectionOver(ChildProcess clients, String device, long after,
                                                         Duration timeout) throws InterruptedException {
        String line = clients.awaitLine(l -> DecidedConnection.parse(l)
                .filter(c -> c.connected() && c.named(device) && c.decidedNanos() - after > 0).isPresent(), timeout);
        return DecidedConnection.parse(line).orElseThrow();
    }
}
