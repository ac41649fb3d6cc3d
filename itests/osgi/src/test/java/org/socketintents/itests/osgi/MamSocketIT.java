package org.socketintents.itests.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.file.Path;

import javax.inject.Inject;

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
import org.socketintents.api.policy.Destination;
import org.socketintents.protocol.AddressFamily;
import org.socketintents.protocol.ConnectRequest;
import org.socketintents.protocol.DecisionOutcome;
import org.socketintents.protocol.DecisionReply;
import org.socketintents.protocol.ErrorCode;
import org.socketintents.protocol.ErrorReply;
import org.socketintents.protocol.MessageType;
import org.socketintents.protocol.Ping;
import org.socketintents.protocol.Pong;
import org.socketintents.protocol.ResolveRequest;
import org.socketintents.protocol.Wire;

/** Applications' requests over the MAM's Unix socket, answered by the category policy. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MamSocketIT {

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private Path socket;

    @Configuration
    public Option[] configuration() {
        return TestRuntime.configuration();
    }

    @Before
    public void listen() throws Exception {
        socket = new MamControl(configurationAdmin).listen(folder.getRoot().toPath().resolve("mam.sock"), "category");
    }

    @Test
    public void answersPingWithPong() throws Exception {
        try (MamClient client = MamClient.connect(socket)) {
            assertEquals(new Pong(41), client.exchange(new Ping(41)));
        }
    }

    @Test
    public void resolvesLocalhostToLoopbackAddresses() throws Exception {
        try (MamClient client = MamClient.connect(socket)) {
            DecisionReply reply = (DecisionReply) client.exchange(
                    new ResolveRequest(42, "localhost", 443, AddressFamily.ANY, Intents.none()));

            assertEquals(42, reply.requestId());
            assertEquals(MessageType.RESOLVE_REPLY, reply.type());
            assertEquals("category", reply.policy());
            assertEquals(DecisionOutcome.POLICY, reply.outcome());
            assertFalse("no addresses for localhost", reply.decision().destinations().isEmpty());
            for (Destination destination : reply.decision().destinations()) {
                assertTrue(destination + " is not a loopback address", destination.address().isLoopbackAddress());
            }
        }
    }

    @Test
    public void decidesAConnectWithTheConfiguredPolicy() throws Exception {
        InetAddress server = InetAddress.getByName("127.0.0.1");
        Intents bulk = Intents.builder().category(Category.BULK_TRANSFER).fileSize(50_000_000).build();
        try (MamClient client = MamClient.connect(socket)) {
            DecisionReply reply = (DecisionReply) client.exchange(
                    new ConnectRequest(43, new InetSocketAddress(server, 8080), "localhost", null, bulk));

            assertEquals(43, reply.requestId());
            assertEquals(MessageType.CONNECT_REPLY, reply.type());
            assertEquals("category", reply.policy());
            assertEquals(DecisionOutcome.POLICY, reply.outcome());
            assertEquals(server, reply.decision().destinations().get(0).address());
            // No interface has a bandwidth configured here: the policy says so and leaves the source to the OS.
            assertTrue(reply.decision().reason(), reply.decision().reason().startsWith("category bulk transfer"));
            assertTrue(reply.decision().sourceInterface().isEmpty());
        }
    }

    @Test
    public void closesAConnectionThatSendsAMalformedFrameAndKeepsServingTheOthers() throws Exception {
        try (MamClient wellBehaved = MamClient.connect(socket); MamClient broken = MamClient.connect(socket)) {
            assertEquals(new Pong(1), wellBehaved.exchange(new Ping(1)));

            broken.sendFrame(resolveWithoutHost(44));

            ErrorReply error = (ErrorReply) broken.receive();
            assertEquals(44, error.requestId());
            assertEquals(ErrorCode.MALFORMED, error.code());
            assertTrue("the MAM kept the broken connection open", broken.isClosedByMam());
            assertEquals(new Pong(2), wellBehaved.exchange(new Ping(2)));
        }
    }

    /** A RESOLVE frame with a well-formed header and no HOST field, which a RESOLVE requires. */
    private static ByteBuffer resolveWithoutHost(int requestId) {
        ByteBuffer frame = ByteBuffer.allocate(Wire.LENGTH_BYTES + Wire.HEADER_BYTES);
        frame.putInt(Wire.HEADER_BYTES)
                .put((byte) Wire.VERSION)
                .put((byte) MessageType.RESOLVE.code())
                .putShort((short) 0)
                .putInt(requestId);
        return frame.flip();
    }
}
