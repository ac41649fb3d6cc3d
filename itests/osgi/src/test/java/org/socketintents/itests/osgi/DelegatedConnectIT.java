package org.socketintents.itests.osgi;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;

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
import org.socketintents.client.DelegatedConnection;
import org.socketintents.client.IntentConnections;
import org.socketintents.client.MamClient;
import org.socketintents.client.MamClientConfig;
import org.socketintents.protocol.StatsReply;

/**
 * The client library's delegated connect and STATS inside Felix: the MAM creates the socket with the native bundle
 * and passes its descriptor over the Unix socket. The MAM, the native bundle and the client each embed their own
 * junixsocket, so this also proves the three load side by side.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DelegatedConnectIT {

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Rule
    public TemporaryFolder folder = new TemporaryFolder();

    private MamClient client;

    @Configuration
    public Option[] configuration() {
        return TestRuntime.configuration();
    }

    @Before
    public void connectClient() throws Exception {
        Path socket = new MamControl(configurationAdmin).listen(folder.getRoot().toPath().resolve("mam.sock"),
                "category");
        client = MamClient.create(MamClientConfig.builder().socketPath(socket).build());
    }

    @After
    public void closeClient() {
        client.close();
    }

    @Test
    public void theMamConnectsAndHandsTheSocketOver() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            InetSocketAddress endpoint = new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
            try (Socket socket = IntentConnections.socket(endpoint,
                    Intents.builder().category(Category.QUERY).build(), 5000, client);
                 Socket accepted = server.accept()) {
                assertTrue("made by the MAM: " + socket.getClass(), socket instanceof DelegatedConnection);
                assertEquals(endpoint, socket.getRemoteSocketAddress());
                assertEquals(accepted.getLocalSocketAddress(), socket.getRemoteSocketAddress());
                assertEquals(accepted.getRemoteSocketAddress(), socket.getLocalSocketAddress());
                socket.getOutputStream().write(7);
                assertEquals(7, accepted.getInputStream().read());
                accepted.getOutputStream().write(9);
                assertEquals(9, socket.getInputStream().read());
            }
        }
    }

    @Test
    public void statsComeFromTheCollector() throws IOException, InterruptedException {
        StatsReply reply = Eventually.await("STATS lists lo", () -> client.stats("lo"),
                stats -> stats.scopes().stream().anyMatch(scope -> "lo".equals(scope.interfaceName())));
        assertTrue(reply.staleAfterMillis() > 0);
    }
}
