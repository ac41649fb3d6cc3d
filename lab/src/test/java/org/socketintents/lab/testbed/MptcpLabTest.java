package org.socketintents.lab.testbed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketintents.lab.delay.DelayTuning;
import org.socketintents.lab.os.CommandRunner;
import org.socketintents.lab.os.MptcpCounters;
import org.socketintents.lab.os.Shell;
import org.socketintents.lab.scenario.MptcpCheck;
import org.socketintents.lab.servers.ServerSet;
import org.socketintents.lab.topology.DescriptionParser;
import org.socketintents.lab.topology.Layout;

/**
 * The MPTCP check on a real lab (root, nginx and mptcpize): a download through an MPTCP socket from the client
 * namespace passes with a subflow joined over the second link; the same download over plain TCP fails.
 */
class MptcpLabTest {

    private static final String TWO_LINKS = """
            link a
              down delay 2ms rate 20Mbit queue 50ms
              up   delay 2ms rate 20Mbit queue 50ms
            link b
              down delay 5ms rate 20Mbit queue 50ms
              up   delay 5ms rate 20Mbit queue 50ms
            """;

    private final CommandRunner shell = new Shell();
    private Layout layout;

    @BeforeEach
    void layout() throws Exception {
        RootOnly.assumeRoot();
        assumeTrue(Shell.installed("nginx") && Shell.installed("mptcpize"),
                "skipped: the MPTCP check on a lab needs nginx and mptcpize");
        layout = new Layout(RootOnly.uniqueLabName(), DescriptionParser.parse(TWO_LINKS, "two-links"));
    }

    @Test
    void anMptcpDownloadPassesAndAPlainOneFails(@TempDir Path dir) throws Exception {
        Path corpus = dir.resolve("corpus");
        Files.createDirectories(corpus.resolve("news"));
        Files.write(corpus.resolve("news/index.html"), new byte[200_000]);
        LabState state = new LabState(layout.name(), dir.resolve("state"));
        try (Testbed testbed = Testbed.start(layout, shell, DelayTuning.DEFAULT)) {
            ServerSet servers = new ServerSet(layout, state.serversDir());
            servers.start(corpus, dir.resolve("logs"), true);
            try {
                MptcpCounters before = MptcpCounters.of(shell, layout.clientNamespace());
                download(true);
                MptcpCounters afterMptcp = MptcpCounters.of(shell, layout.clientNamespace());
                download(false);
                MptcpCounters afterPlain = MptcpCounters.of(shell, layout.clientNamespace());

                MptcpCheck mptcp = MptcpCheck.between(before, afterMptcp);
                assertTrue(mptcp.passed(), mptcp.toString());
                assertEquals(1, mptcp.negotiated());
                assertEquals(1, mptcp.joined());
                MptcpCheck plain = MptcpCheck.between(afterMptcp, afterPlain);
                assertFalse(plain.passed(), plain.toString());
                assertEquals(0, plain.attempted());
            } finally {
                servers.stop();
            }
        }
    }

    /**
     * One HTTP GET over the first link (the main table's default route) with bash's /dev/tcp, as an MPTCP socket
     * under mptcpize or as plain TCP. The connection stays open for a second, so the kernel's path manager has time
     * to join the second link's subflow (it does so one round trip after the handshake).
     */
    private void download(boolean mptcp) throws Exception {
        String server = layout.link("a").serverAddress();
        String script = "exec 3<>/dev/tcp/" + server + "/" + ServerSet.HTTP_PORT
                + "; printf 'GET /news/index.html HTTP/1.1\\r\\nHost: lab\\r\\n\\r\\n' >&3; sleep 1; exec 3<&-";
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", layout.clientNamespace()));
        if (mptcp) {
            command.addAll(List.of("mptcpize", "run"));
        }
        command.addAll(List.of("bash", "-c", script));
        shell.run(command);
    }
}
