package org.socketintents.itests.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.socketintents.api.Intents;
import org.socketintents.api.policy.Policy;
import org.socketintents.protocol.ConnectRequest;
import org.socketintents.protocol.DecisionOutcome;
import org.socketintents.protocol.DecisionReply;

/**
 * Swapping policies as an operator does, without restarting: by editing the MAM's file in the watched
 * configuration folder, and by installing, switching to and uninstalling a policy bundle from the console.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PolicySwapIT {

    /**
     * The folder FileInstall watches, created by {@link #configuration()} on the host side and read by the tests
     * inside the framework: the two sides load this class separately, so they share it through the JVM.
     */
    private static final String CONF_PROPERTY = "socketintents.itest.conf";
    private static final String METERED = "org.socketintents.example.metered";

    @Inject
    private CommandProcessor commandProcessor;

    @Inject
    private BundleContext context;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    private Path socket;
    private CommandSession session;

    private Path conf;

    @Configuration
    public Option[] configuration() {
        Path folder = temporaryFolder("socket-intents-conf");
        System.setProperty(CONF_PROPERTY, folder.toString());
        return TestRuntime.withConfigurationFolderAndConsole(folder);
    }

    @Before
    public void start() throws Exception {
        conf = Path.of(System.getProperty(CONF_PROPERTY));
        socket = temporaryFolder("socket-intents-swap").resolve("mam.sock");
        writeMamFile("category");
        awaitDecisionBy("category");
        PrintStream discard = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        session = commandProcessor.createSession(new ByteArrayInputStream(new byte[0]), discard, discard);
    }

    @After
    public void closeSession() {
        session.close();
    }

    @Test
    public void editingTheConfigurationFileSwapsThePolicy() throws Exception {
        writeMamFile("round-robin");
        DecisionReply reply = awaitDecisionBy("round-robin");
        assertEquals(DecisionOutcome.POLICY, reply.outcome());

        writeMamFile("category");
        awaitDecisionBy("category");
    }

    @Test
    public void anUnknownPolicyInTheFileKeepsTheLastGoodOne() throws Exception {
        writeMamFile("round-robin");
        awaitDecisionBy("round-robin");

        writeMamFile("no-such-policy");

        String listing = Eventually.await("mam:policy reports the unknown name", () -> run("mam:policy"),
                l -> l.contains("'no-such-policy' is not available"));
        assertTrue(listing, listing.lines().anyMatch("* round-robin"::equals));
        assertTrue(listing, listing.contains("'round-robin' decides until it is"));
        assertEquals("round-robin", decision().policy());
    }

    @Test
    public void aPolicyBundleInstalledFromTheConsoleCanBeSwitchedToAndUninstalled() throws Exception {
        String installed = run("felix:install " + TestRuntime.bundleUrl(METERED));
        Bundle bundle = bundleNamed(METERED);
        assertEquals("Bundle ID: " + bundle.getBundleId(), installed.trim());
        run("felix:start " + bundle.getBundleId());
        assertEquals(Bundle.ACTIVE, bundle.getState());
        Eventually.await("mam:policy lists metered", () -> run("mam:policy"),
                l -> l.lines().anyMatch("  metered"::equals));

        assertEquals("policy: metered (was category)", run("mam:policy metered"));
        assertEquals("metered", decision().policy());

        // felix:uninstall <id> needs the id-to-bundle converter that only Gogo's terminal shell registers;
        // the framework event is the same either way.
        bundle.uninstall();

        DecisionReply fallback = awaitDecisionBy("os-default");
        assertEquals(DecisionOutcome.POLICY, fallback.outcome());
        String listing = run("mam:policy");
        assertTrue(listing, listing.contains("configured policy 'metered' is not available; 'os-default' decides"));
    }

    @Test
    public void aPolicyThatCannotBeObtainedIsRefusedAndTheActiveOneStays() throws Exception {
        // A component whose activation fails looks like this to the MAM: its service cannot be obtained.
        ServiceRegistration<?> broken = context.registerService(Policy.class.getName(),
                new ServiceFactory<Policy>() {
                    @Override
                    public Policy getService(Bundle b, ServiceRegistration<Policy> registration) {
                        throw new IllegalStateException("activation failed");
                    }

                    @Override
                    public void ungetService(Bundle b, ServiceRegistration<Policy> registration, Policy service) {
                    }
                }, new Hashtable<>(Map.of(Policy.NAME, "broken")));
        try {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> run("mam:policy broken"));
            assertTrue(refused.getMessage(), refused.getMessage().contains("no policy named 'broken'"));
            assertTrue(refused.getMessage(), refused.getMessage().contains("failed to activate"));
            assertEquals("category", decision().policy());
        } finally {
            broken.unregister();
        }
    }

    @Test
    public void aBadValueInAPolicyConfigurationKeepsItsPreviousSetting() throws Exception {
        Files.writeString(conf.resolve("org.socketintents.policy.filesize.cfg"), "threshold = lots\n");
        String decided = Eventually.await("filesize still decides with its default threshold",
                () -> run("mam:decide - 127.0.0.1 80 filesize=2000000 policy=filesize"),
                d -> d.contains("threshold 1400000"));
        assertTrue(decided, decided.contains("filesize 2000000 > threshold 1400000"));
        Files.delete(conf.resolve("org.socketintents.policy.filesize.cfg"));
    }

    /**
     * Writes the MAM's file and waits until Configuration Admin holds it: FileInstall reads it asynchronously, and a
     * late read would undo a switch the test makes afterwards. A unique key tells this write from the previous one.
     */
    private void writeMamFile(String policy) throws Exception {
        String stamp = Long.toString(System.nanoTime());
        Path temporary = conf.resolve("org.socketintents.mam.cfg.tmp");
        Files.writeString(temporary, "socket.path = " + socket + "\npolicy = " + policy + "\ntest.stamp = " + stamp
                + "\n");
        Files.move(temporary, conf.resolve("org.socketintents.mam.cfg"),
                StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Eventually.await("FileInstall has read org.socketintents.mam.cfg", () -> {
            Dictionary<String, Object> properties = configurationAdmin.getConfiguration(MamControl.MAM_PID, "?")
                    .getProperties();
            return properties == null ? null : properties.get("test.stamp");
        }, stamp::equals);
    }

    private DecisionReply awaitDecisionBy(String policy) throws InterruptedException {
        return Eventually.await("a decision by " + policy, this::decision, r -> r.policy().equals(policy));
    }

    private DecisionReply decision() throws Exception {
        try (MamClient client = MamClient.connect(socket)) {
            return (DecisionReply) client.exchange(new ConnectRequest(1,
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 80), null, null, Intents.none()));
        }
    }

    private Bundle bundleNamed(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private String run(String command) throws Exception {
        Object result = session.execute(command);
        return result == null ? "" : String.valueOf(result);
    }

    private static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
