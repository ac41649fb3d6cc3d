package org.socketintents.mam.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.socketintents.protocol.ErrorCode;
import org.socketintents.protocol.ErrorReply;
import org.socketintents.protocol.Ping;
import org.socketintents.protocol.Pong;

/** The allow-list judges each connection by its peer credentials; the socket file gets its owner and group. */
@Timeout(60)
class AccessControlTest {

    @TempDir
    Path directory;

    private static long own(String attribute) throws Exception {
        return ((Number) Files.getAttribute(Path.of("/proc/self"), "unix:" + attribute)).longValue();
    }

    @Test
    void aUserNotOnTheListIsForbiddenAndDisconnected() throws Exception {
        String stranger = Long.toString(own("uid") + 4242);
        try (RunningMam mam = new RunningMam(directory.resolve("mam.sock"),
                Map.of("allowed_users", new String[] {stranger}));
             WireClient client = new WireClient(mam.socket)) {
            ErrorReply refused = (ErrorReply) client.read();
            assertEquals(ErrorCode.FORBIDDEN, refused.code());
            assertTrue(refused.message().contains("uid " + own("uid")), refused.message());
            assertTrue(client.isClosedByPeer());
        }
    }

    @Test
    void aUserOrGroupOnTheListIsServed() throws Exception {
        String stranger = Long.toString(own("uid") + 4242);
        for (Map<String, Object> list : new Map[] {
                Map.of("allowed_users", new String[] {stranger, Long.toString(own("uid"))}),
                Map.of("allowed_users", new String[] {stranger},
                        "allowed_groups", new String[] {Long.toString(own("gid"))})}) {
            try (RunningMam mam = new RunningMam(directory.resolve("mam.sock"), list);
                 WireClient client = new WireClient(mam.socket)) {
                assertEquals(new Pong(3), client.call(new Ping(3)));
            }
        }
    }

    @Test
    void socketFileGetsTheConfiguredOwnerGroupAndMode() throws Exception {
        // only root may give a file away; anyone may "give" it to themselves, which still goes through chown
        boolean root = own("uid") == 0;
        String owner = root ? "65534" : Long.toString(own("uid"));
        String group = root ? "65534" : Long.toString(own("gid"));
        try (RunningMam mam = new RunningMam(directory.resolve("mam.sock"),
                Map.of("socket_owner", owner, "socket_group", group, "socket_mode", "0600"))) {
            assertEquals(Long.parseLong(owner),
                    ((Number) Files.getAttribute(mam.socket, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue());
            assertEquals(Long.parseLong(group),
                    ((Number) Files.getAttribute(mam.socket, "unix:gid", LinkOption.NOFOLLOW_LINKS)).longValue());
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(mam.socket)));
        }
    }
}
