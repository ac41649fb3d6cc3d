package org.socketintents.mam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.socketintents.mam.internal.ConnectionsPerUser.Admission.ADMITTED;
import static org.socketintents.mam.internal.ConnectionsPerUser.Admission.REFUSED;
import static org.socketintents.mam.internal.ConnectionsPerUser.Admission.REFUSED_AGAIN;

import org.junit.jupiter.api.Test;

class ConnectionsPerUserTest {

    private static final long ALICE = 1000;
    private static final long BOB = 1001;

    private final ConnectionsPerUser connections = new ConnectionsPerUser();

    @Test
    void aUserAtTheLimitIsRefusedAndAnotherUserIsNot() {
        assertEquals(ADMITTED, connections.tryOpen(ALICE, 2));
        assertEquals(ADMITTED, connections.tryOpen(ALICE, 2));
        assertEquals(REFUSED, connections.tryOpen(ALICE, 2));
        assertEquals(2, connections.open(ALICE));

        assertEquals(ADMITTED, connections.tryOpen(BOB, 2));
        assertEquals(1, connections.open(BOB));
    }

    @Test
    void aClosedConnectionFreesItsPlace() {
        assertEquals(ADMITTED, connections.tryOpen(ALICE, 1));
        assertEquals(REFUSED, connections.tryOpen(ALICE, 1));
        connections.closed(ALICE);
        assertEquals(ADMITTED, connections.tryOpen(ALICE, 1));
    }

    @Test
    void repeatedRefusalsAreToldApartUntilTheUserIsAdmittedAgain() {
        assertEquals(ADMITTED, connections.tryOpen(ALICE, 2));
        assertEquals(ADMITTED, connections.tryOpen(ALICE, 2));
        assertEquals(REFUSED, connections.tryOpen(ALICE, 2));
        assertEquals(REFUSED_AGAIN, connections.tryOpen(ALICE, 2));
        assertEquals(REFUSED_AGAIN, connections.tryOpen(ALICE, 2));

        connections.closed(ALICE);
        assertEquals(ADMITTED, connections.tryOpen(ALICE, 2));
        assertEquals(REFUSED, connections.tryOpen(ALICE, 2));
    }

    @Test
    void aLimitLoweredBelowTheOpenCountRefusesUntilEnoughHaveClosed() {
        for (int i = 0; i < 3; i++) {
            assertEquals(ADMITTED, connections.tryOpen(ALICE, 3));
        }
        connections.closed(ALICE);
        assertEquals(REFUSED, connections.tryOpen(ALICE, 1));
        connections.closed(ALICE);
        connections.closed(ALICE);
        assertEquals(ADMITTED, connections.tryOpen(ALICE, 1));
    }

    @Test
    void usersWithoutConnectionsAreForgotten() {
        for (long uid = 0; uid < 100; uid++) {
            assertEquals(ADMITTED, connections.tryOpen(uid, 1));
            assertEquals(REFUSED, connections.tryOpen(uid, 1));
        }
        assertEquals(100, connections.users());
        for (long uid = 0; uid < 100; uid++) {
            connections.closed(uid);
        }
        assertEquals(0, connections.users());
        assertEquals(0, connections.open(ALICE));
    }
}
