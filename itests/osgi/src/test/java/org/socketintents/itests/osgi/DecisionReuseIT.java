package org.socketintents.itests.osgi;

import static org.junit.Assert.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

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
import org.socketintents.api.policy.Decision;
import org.socketintents.client.MamClientConfig;
import org.socketintents.client.MamStatus;

/**
 * The client library reuses the category policy's decisions for identical connects, and the runtime ends that
 * reuse when the policy is reconfigured, when an interface changes and when another policy takes over: each
 * change shows in the next connect, long before the reuse time (60 s) would have ended it.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DecisionReuseIT {

    private static final String CATEGORY_PID = "org.socketintents.policy.category";
    private static final InetSocketAddress REMOTE = new InetSocketAddress(InetAddress.getLoopbackAddress(), 80);
    private static final Intents QUERY = Intents.builder().category(Category.QUERY).build();

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private InterfaceMonitor interfaceMonitor;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private MamControl mam;
    private org.osgi.service.cm.Configuration loopback;
    private org.socketintents.client.MamClient client;

    @Configuration
    public Option[] configuration() {
        return TestRuntime.configuration();
    }

    @Before
    public void listen() throws Exception {
        mam = new MamControl(configurationAdmin);
        mam.listen(folder.getRoot().toPath().resolve("mam.sock"), "category");
        loopback = mam.configureInterface(interfaceMonitor, "lo", Map.of("source", "true", "rtt", "1"),
                lo -> lo.isUsableAsSource() && lo.rttMillis().isPresent());
        client = org.socketintents.client.MamClient.create(MamClientConfig.builder()
                .socketPath(folder.getRoot().toPath().resolve("mam.sock")).build());
    }

    @After
    public void restore() throws Exception {
        client.close();
        loopback.delete();
        configurationAdmin.getConfiguration(CATEGORY_PID, "?").delete();
    }

    private Optional<Decision> decide() {
        return client.decide(REMOTE, null, QUERY);
    }

    /** Waits for the first decision that shows a change, then checks that the next one is reused again. */
    private Decision awaitChange(String what, Predicate<Decision> changed) throws Exception {
        Decision seen = Eventually.await(what, () -> decide().orElse(null), d -> d != null && changed.test(d));
        MamStatus before = client.status();
        assertEquals(Optional.of(seen), decide());
        assertEquals("reused again after the change", before.reused() + 1, client.status().reused());
        return seen;
    }

    @Test
    public void identicalConnectsReuseADecisionUntilThePolicyOrTheInterfacesChange() throws Exception {
        Decision first = awaitChange("category choosing lo for a query",
                d -> d.sourceInterface().equals(Optional.of("lo")));
        MamStatus afterFirst = client.status();
        for (int i = 0; i < 10; i++) {
            assertEquals(Optional.of(first), decide());
        }
        assertEquals("no request reached the MAM", afterFirst.answered(), client.status().answered());

        Dictionary<String, Object> queryAnywhere = new Hashtable<>(Map.of("query", "none"));
        configurationAdmin.getConfiguration(CATEGORY_PID, "?").update(queryAnywhere);
        awaitChange("the reconfigured category policy leaving queries to the OS",
                d -> d.sourceInterface().isEmpty() && d.reason().contains("no interface preference"));

        configurationAdmin.getConfiguration(CATEGORY_PID, "?").delete();
        awaitChange("category choosing lo again", d -> d.sourceInterface().equals(Optional.of("lo")));

        Dictionary<String, Object> slowLoopback = new Hashtable<>(Map.of("name", "lo", "source", "true"));
        loopback.update(slowLoopback);
        awaitChange("category without a latency figure for lo",
                d -> d.sourceInterface().isEmpty() && d.reason().contains("no usable interface"));

        mam.configurePolicy("os-default");
        awaitChange("os-default deciding", d -> d.reason().startsWith("os-default policy"));
    }
}
