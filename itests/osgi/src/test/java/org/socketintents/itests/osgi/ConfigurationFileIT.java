package org.socketintents.itests.osgi;

import static org.junit.Assert.assertEquals;
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
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.logging.Level;

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
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.socketintents.api.Intents;
import org.socketintents.protocol.ConnectRequest;
import org.socketintents.protocol.DecisionReply;
import org.socketintents.protocol.ErrorCode;
import org.socketintents.protocol.ErrorReply;
import org.socketintents.protocol.Message;
import org.socketintents.protocol.Ping;
import org.socketintents.protocol.Pong;

/**
 * A broken configuration file in the watched folder, as an operator's typo makes it: the MAM keeps serving with
 * its last good configuration, and the log says what is wrong. Two kinds of breakage are meaningful for a .cfg
 * file, whose properties syntax accepts almost any line: a value of the wrong type (the MAM reports it, naming
 * key and value, and keeps the previous value), and a line the properties reader itself rejects, such as a
 * malformed unicode escape (FileInstall reports the file and never hands it to Configuration Admin).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConfigurationFileIT {

    /** The watched folder, created on the host side and read inside the framework: shared through the JVM. */
    private static final String CONF_PROPERTY = "socketintents.itest.configurationfile.conf";
    private static final String MAM_FILE = "org.socketintents.mam.cfg";
    private static final String SETTINGS_LOGGER = "org.socketintents.mam.internal.MamSettings";
    private static final int MAX_CLIENTS = 2;
    private static final InetSocketAddress SOME_DESTINATION =
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 80);

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private BundleContext context;

    @Inject
    private CommandProcessor commandProcessor;

    private Path conf;
    private Path socket;
    private CommandSession session;

    @Configuration
    public Option[] configuration() {
        Path folder = temporaryFolder("socket-intents-conf");
        System.setProperty(CONF_PROPERTY, folder.toString());
        return TestRuntime.withConfigurationFolderAndConsole(folder);
    }

    /** A good file: the MAM on a socket of this test, at most {@value #MAX_CLIENTS} clients. */
    @Before
    public void writeAGoodFile() throws Exception {
        PrintStream discard = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        session = commandProcessor.createSession(new ByteArrayInputStream(new byte[0]), discard, discard);
        conf = Path.of(System.getProperty(CONF_PROPERTY));
        socket = temporaryFolder("socket-intents-config").resolve("mam.sock");
        String stamp = writeMamFile("max.clients = " + MAX_CLIENTS + "\nsocket.mode = 0660\n");
        awaitRead(stamp);
        Eventually.await("the MAM answers on " + socket, this::decision, reply -> reply.policy().equals("category"));
        assertServesAtMost(MAX_CLIENTS);
    }

    @After
    public void closeSession() {
        session.close();
    }

    @Test
    public void aValueThatIsNotANumberIsReportedAndItsLastGoodValueStays() throws Exception {
        try (LogRecords settingsLog = LogRecords.of(SETTINGS_LOGGER, Level.SEVERE)) {
            // socket.mode changes too: once the socket file has it, the server has read this file
            awaitRead(writeMamFile("max.clients = abc\nsocket.mode = 0600\n"));
            Eventually.await("the MAM applies the rest of the file", () -> PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(socket)), "rw-------"::equals);

            List<String> reported = Eventually.await("the MAM reports max.clients = abc", settingsLog::messages,
                    messages -> messages.stream().anyMatch(m -> m.contains("max.clients is not a number")));
            String report = reported.stream().filter(m -> m.contains("max.clients")).findFirst().orElseThrow();
            assertTrue(report, report.contains("\"abc\"") && report.contains("keeping " + MAX_CLIENTS));
        }
        assertServesAtMost(MAX_CLIENTS);
        assertEquals("category", decision().policy());
    }

    @Test
    public void aFileThePropertiesReaderRejectsIsReportedAndTheLastGoodConfigurationStays() throws Exception {
        Object goodStamp = mamProperty("test.stamp");
        try (LogServiceRecorder log = new LogServiceRecorder(context)) {
            writeMamFile("max.clients = 64\npolicy = round-robin\ngreeting = caf\\u00zz\n");

            List<String> reported = Eventually.await("FileInstall reports the file it cannot read", log::messages,
                    messages -> messages.stream().anyMatch(m -> m.contains(MAM_FILE)));
            String report = reported.stream().filter(m -> m.contains(MAM_FILE)).findFirst().orElseThrow();
            assertTrue(report, report.contains("Unable to parse unicode value: 00zz"));
        }
        assertEquals(goodStamp, mamProperty("test.stamp"));
        assertEquals(Integer.toString(MAX_CLIENTS), mamProperty("max.clients"));
        assertEquals("category", decision().policy());
        assertServesAtMost(MAX_CLIENTS);
    }

    /**
     * Holds {@code limit} clients, each answered, and checks that one more is answered OVERLOADED: the limit in
     * force is {@code limit}, not the default.
     */
    private void assertServesAtMost(int limit) throws Exception {
        awaitNoClients();
        List<MamClient> held = new ArrayList<>();
        try {
            for (int i = 0; i < limit; i++) {
                held.add(MamClient.connect(socket));
                assertEquals(new Pong(i), held.get(i).exchange(new Ping(i)));
            }
            try (MamClient extra = MamClient.connect(socket)) {
                Message refused = extra.receive();
                assertTrue(String.valueOf(refused), refused instanceof ErrorReply
                        && ((ErrorReply) refused).code() == ErrorCode.OVERLOADED
                        && ((ErrorReply) refused).message().contains("at most " + limit + " clients"));
            }
        } finally {
            for (MamClient client : held) {
                client.close();
            }
        }
        awaitNoClients();
    }

    /** Sessions end on the MAM's threads shortly after their clients have hung up. */
    private void awaitNoClients() throws InterruptedException {
        Eventually.await("no client connected to the MAM", () -> String.valueOf(session.execute("mam:status")),
                status -> status.lines().anyMatch(line -> line.matches("clients\\s+0 connected.*")));
    }

    /**
     * Replaces the MAM's file at once (a rename), as an editor saving it would, with the test's socket, the
     * category policy, {@code settings} and a unique stamp that tells this version from the previous one. The
     * new version is written outside the watched folder, where FileInstall cannot see it half-written.
     *
     * @return the stamp
     */
    private String writeMamFile(String settings) throws IOException {
        String stamp = Long.toString(System.nanoTime());
        Path temporary = socket.resolveSibling(MAM_FILE);
        Files.writeString(temporary, "socket.path = " + socket + "\npolicy = category\n" + settings
                + "test.stamp = " + stamp + "\n");
        Files.move(temporary, conf.resolve(MAM_FILE), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
        return stamp;
    }

    /** Waits until Configuration Admin holds the version of the file with this stamp. */
    private void awaitRead(String stamp) throws InterruptedException {
        Eventually.await("FileInstall has read " + MAM_FILE, () -> mamProperty("test.stamp"), stamp::equals);
    }

    private Object mamProperty(String key) throws IOException {
        Dictionary<String, Object> properties = configurationAdmin.getConfiguration(MamControl.MAM_PID, "?")
                .getProperties();
        return properties == null ? null : properties.get(key);
    }

    private DecisionReply decision() throws Exception {
        try (MamClient client = MamClient.connect(socket)) {
            return (DecisionReply) client.exchange(new ConnectRequest(1, SOME_DESTINATION, null, null,
                    Intents.none()));
        }
    }

    private static Path temporaryFolder(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
