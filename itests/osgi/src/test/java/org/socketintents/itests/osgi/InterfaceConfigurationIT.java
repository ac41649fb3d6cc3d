package org.socketintents.itests.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import javax.inject.Inject;

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
import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.api.net.InterfaceMonitor;
import org.socketintents.protocol.AddressFamily;
import org.socketintents.protocol.ConnectRequest;
import org.socketintents.protocol.DecisionOutcome;
import org.socketintents.protocol.DecisionReply;
import org.socketintents.protocol.ResolveRequest;

/**
 * The per-interface configuration (factory PID org.socketintents.netmon.interface) feeding the category policy:
 * the loopback interface, configured as a source with figures, is the only candidate that has any.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class InterfaceConfigurationIT {

    private static final InetSocketAddress SERVER = new InetSocketAddress(InetAddress.getLoopbackAddress(), 8080);

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private InterfaceMonitor interfaceMonitor;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path socket;
    private org.osgi.service.cm.Configuration loopback;

    @Configuration
    public Option[] configuration() {
        return TestRuntime.configuration();
    }

    @Before
    public void configureLoopback() throws Exception {
        MamControl mam = new MamControl(configurationAdmin);
        socket = mam.listen(folder.getRoot().toPath().resolve("mam.sock"), "category");
        loopback = mam.configureInterface(interfaceMonitor, "lo",
                Map.of("source", "true", "rtt", "1", "bandwidth.down", "1G"),
                lo -> lo.isUsableAsSource() && lo.rttMillis().isPresent() && lo.downloadBandwidth().isPresent());
    }

    @After
    public void removeLoopbackConfiguration() throws Exception {
        loopback.delete();
    }

    @Test
    public void theMonitorReportsTheConfiguredFigures() {
        assertEquals(1.0, interfaceMonitor.interfaces().named("lo").orElseThrow().rttMillis().getAsDouble(), 0.0);
        assertEquals(1_000_000_000L,
                interfaceMonitor.interfaces().named("lo").orElseThrow().downloadBandwidth().getAsLong());
    }

    @Test
    public void aQueryGoesOutOnTheLowestLatencyInterface() throws Exception {
        DecisionReply reply = connect(Intents.builder().category(Category.QUERY).build());

        assertEquals("category", reply.policy());
        assertEquals(DecisionOutcome.POLICY, reply.outcome());
        assertEquals(Optional.of("lo"), reply.decision().sourceInterface());
        assertEquals(Optional.of(InetAddress.getByName("127.0.0.1")), reply.decision().sourceAddress());
        assertTrue(reply.decision().reason(), reply.decision().reason().contains("lowest-rtt interface lo"));
    }

    @Test
    public void aBulkTransferResolvedByNameGoesOutOnTheHighestBandwidthInterface() throws Exception {
        try (MamClient client = MamClient.connect(socket)) {
            DecisionReply reply = (DecisionReply) client.exchange(new ResolveRequest(7, "localhost", 80,
                    AddressFamily.INET, Intents.builder().category(Category.BULK_TRANSFER).build()));

            assertEquals(Optional.of("lo"), reply.decision().sourceInterface());
            assertTrue(reply.decision().reason(), reply.decision().reason().contains("highest-bandwidth interface lo"));
        }
    }

    @Test
    public void withoutCategoryTheOperatingSystemChooses() throws Exception {
        DecisionReply reply = connect(Intents.none());

        assertEquals(DecisionOutcome.POLICY, reply.outcome());
        assertTrue(reply.decision().sourceInterface().isEmpty());
    }

    private DecisionReply connect(Intents intents) throws Exception {
        try (MamClient client = MamClient.connect(socket)) {
            return (DecisionReply) client.exchange(new ConnectRequest(3, SERVER, null, null, intents));
        }
    }
}
