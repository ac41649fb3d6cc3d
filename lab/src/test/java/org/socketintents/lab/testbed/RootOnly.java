package org.socketintents.lab.testbed;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import org.socketintents.lab.os.Shell;

/** Guards for tests that build real namespaces: they need root, TUN and iproute2, and a name no one else uses. */
final class RootOnly {

    private RootOnly() {
    }

    static void assumeRoot() {
        boolean root = "root".equals(System.getProperty("user.name"));
        assumeTrue(root && Files.exists(Path.of("/dev/net/tun")) && Shell.installed("ip") && Shell.installed("tc"),
                "skipped: building network namespaces needs root, /dev/net/tun, ip and tc");
    }

    /** A lab name of this test run, e.g. si-lab-t3f9a1c. */
    static String uniqueLabName() {
        return "si-lab-t" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()).substring(0, 6);
    }
}
