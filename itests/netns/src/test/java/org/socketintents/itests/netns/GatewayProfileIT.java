package org.socketintents.itests.netns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.socketintents.api.Category;

/**
 * The MAM as a home gateway runs it: the start script's gateway profile (C1 only, small heap generations, only
 * the Java modules the bundles use, two bundle jars open at a time) with -Xmx32m. Its settings trade speed and
 * memory, never a function: over the lab's real links the category policy decides as with the default settings,
 * and a connection the MAM opens itself (the native socket service through JNA, descriptor passing through
 * junixsocket in two bundles) reaches the application and leaves from the chosen link.
 */
@RequiresNetworkNamespaces
class GatewayProfileIT {

    /** A class the trimmed module set or the bundles' trimmed junixsocket would lack, as the MAM logs it. */
    private static final Pattern MISSING_CLASS = Pattern.compile(
            "NoClassDefFoundError|ClassNotFoundException|NoSuchMethodError|UnsatisfiedLinkError|SEVERE");

    @RegisterExtension
    static final LabSessionExtension LAB = new LabSessionExtension();

    private static MamDaemon mam;

    @BeforeAll
    static void startMam() throws IOException, InterruptedException {
        mam = LAB.session().startMam("gateway", "-Xmx32m");
        mam.awaitBothLinksKnown();
    }

    @Test
    void theMamsJvmRunsWithTheGatewayProfile() {
        List<String> commandLines = mam.commandLines();
        assertTrue(commandLines.stream().anyMatch(line -> line.contains("-Xmx32m") && line.contains("--limit-modules=")
                && line.contains("-XX:TieredStopAtLevel=1")), () -> "no JVM with the gateway profile: " + commandLines);
    }

    @Test
    void anApplicationsOwnSocketConnectsFromTheChosenLink() throws Exception {
        assertConnectsFrom(TwoLinkLab.FIRST.clientAddress(), IntentClient.class, Category.QUERY);
    }

    @Test
    void aConnectionTheMamOpensIsHandedOverFromTheChosenLink() throws Exception {
        assertConnectsFrom(TwoLinkLab.SECOND.clientAddress(), DelegatedClient.class, Category.BULK_TRANSFER);
    }

    private static void assertConnectsFrom(InetAddress expected, Class<?> client, Category category)
            throws IOException, InterruptedException {
        ConnectionReport report = LAB.session().connectToService(client, category, mam);
        assertEquals(expected, report.seenByServer(),
                () -> "the server saw the wrong client address for " + category + "\n" + mam.describe());
        String log = mam.describe();
        assertFalse(MISSING_CLASS.matcher(log).find(), () -> "the MAM logged a failure\n" + log);
    }
}
