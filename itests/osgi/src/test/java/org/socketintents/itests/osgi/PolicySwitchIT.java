package org.socketintents.itests.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.util.Hashtable;
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
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.socketintents.api.net.InterfaceMonitor;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Policy;
import org.socketintents.protocol.DecisionOutcome;
import org.socketintents.protocol.DecisionReply;

/** Switching the active policy at run time through Configuration Admin, including to a policy of another bundle. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PolicySwitchIT {

    private static final String FIXED = "test-fixed";
    private static final String FIXED_REASON = "always lo, says the test";

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Inject
    private InterfaceMonitor interfaceMonitor;

    @Inject
    private BundleContext context;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private MamControl mam;
    private org.osgi.service.cm.Configuration loopback;

    @Configuration
    public Option[] configuration() {
        return TestRuntime.configuration();
    }

    @Before
    public void listen() throws Exception {
        mam = new MamControl(configurationAdmin);
        mam.listen(folder.getRoot().toPath().resolve("mam.sock"), "category");
    }

    @After
    public void removeInterfaceConfiguration() throws Exception {
        if (loopback != null) {
            loopback.delete();
        }
    }

    @Test
    public void theNextDecisionComesFromTheNewlyConfiguredPolicy() throws Exception {
        mam.configurePolicy("os-default");

        DecisionReply reply = mam.awaitDecision("a decision by os-default", r -> r.policy().equals("os-default"));
        assertEquals(DecisionOutcome.POLICY, reply.outcome());
        assertTrue(reply.decision().sourceInterface().isEmpty());

        mam.configurePolicy("category");

        mam.awaitDecision("a decision by category again", r -> r.policy().equals("category"));
    }

    @Test
    public void aPolicyServiceOfAnotherBundleDecidesWhileItIsRegistered() throws Exception {
        // The fixed policy names lo, which a policy may choose only once it is configured as a source.
        loopback = mam.configureInterface(interfaceMonitor, "lo", Map.of("source", "true"),
                lo -> lo.isUsableAsSource());
        ServiceRegistration<Policy> registration = context.registerService(Policy.class,
                request -> Decision.builder().sourceInterface("lo").reason(FIXED_REASON).build(),
                new Hashtable<>(Map.of(Policy.NAME, FIXED)));
        try {
            mam.configurePolicy(FIXED);

            DecisionReply fixed = mam.awaitDecision("a decision by " + FIXED, r -> r.policy().equals(FIXED));
            assertEquals(DecisionOutcome.POLICY, fixed.outcome());
            assertEquals(Optional.of("lo"), fixed.decision().sourceInterface());
            // The MAM completes the policy's choice with the interface's address.
            assertEquals(Optional.of(InetAddress.getByName("127.0.0.1")), fixed.decision().sourceAddress());
            assertEquals(FIXED_REASON, fixed.decision().reason());
        } finally {
            registration.unregister();
        }

        DecisionReply fallback = mam.awaitDecision("os-default deciding once " + FIXED + " is gone",
                r -> r.policy().equals("os-default"));
        assertTrue(fallback.decision().sourceInterface().isEmpty());
    }
}
