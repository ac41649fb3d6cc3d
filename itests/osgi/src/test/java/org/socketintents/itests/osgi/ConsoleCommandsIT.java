package org.socketintents.itests.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import javax.inject.Inject;

import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.junit.After;
import org.junit.Before;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.ConfigurationAdmin;

/** The mam: console commands, run through Gogo's CommandProcessor as the console runs them. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConsoleCommandsIT {

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private CommandProcessor commandProcessor;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private MamControl mam;
    private Path socket;
    private CommandSession session;

    @Configuration
    public Option[] configuration() {
        return TestRuntime.configuration();
    }

    @Before
    public void openSession() throws Exception {
        mam = new MamControl(configurationAdmin);
        socket = mam.listen(folder.getRoot().toPath().resolve("mam.sock"), "category");
        PrintStream discard = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        session = commandProcessor.createSession(new ByteArrayInputStream(new byte[0]), discard, discard);
    }

    @After
    public void closeSession() {
        session.close();
    }

    @Test
    public void policyListsThePoliciesAndMarksTheActiveOne() throws Exception {
        assertEquals("* category\n  earliest-arrival\n  filesize\n  fixed\n  mptcp\n  os-default\n  round-robin",
                run("mam:policy"));
    }

    @Test
    public void policyWithANameSwitchesThroughTheConfiguration() throws Exception {
        assertEquals("policy: os-default (was category)", run("mam:policy os-default"));

        Eventually.await("mam:policy marks os-default active", () -> run("mam:policy"),
                listing -> listing.lines().anyMatch("* os-default"::equals));
        mam.awaitDecision("the MAM decides with os-default", reply -> reply.policy().equals("os-default"));
    }

    @Test
    public void policyRefusesAnUnknownNameAndKeepsTheActivePolicy() throws Exception {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> run("mam:policy no-such-policy"));

        assertTrue(refused.getMessage(), refused.getMessage().startsWith("no policy named 'no-such-policy'"));
        assertTrue(run("mam:policy").lines().anyMatch("* category"::equals));
    }

    @Test
    public void decideDryRunsTheActivePolicy() throws Exception {
        String decision = run("mam:decide query localhost 80");

        assertTrue(decision, decision.startsWith("policy       category (POLICY)\n"));
        assertTrue(decision, decision.contains("\ndestinations [127.0.0.1"));
        assertTrue(decision, decision.contains("\nreason       category query"));
    }

    @Test
    public void interfacesListsTheLoopbackInterface() throws Exception {
        String interfaces = run("mam:interfaces");

        assertTrue(interfaces, interfaces.lines().anyMatch(line -> line.matches("lo\\s+up\\s.*127\\.0\\.0\\.1.*")));
    }

    @Test
    public void statusNamesTheSocketAndThePolicy() throws Exception {
        String status = run("mam:status");

        assertTrue(status, status.startsWith("socket           " + socket + "\npolicy           category\n"));
    }

    private String run(String command) throws Exception {
        return (String) session.execute(command);
    }
}
