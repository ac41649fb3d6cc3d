package org.socketintents.siget;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.socketintents.siget.TwoPhaseDownloadTest.bytes;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.Transport;
import org.socketintents.siget.TestServer.Resource;

/** https: TLS over the intent socket, trusted like wget: the JDK's authorities, a given one, or any server. */
class HttpsTest {

    private static final String PASSWORD = "siget-test";
    private static final byte[] BODY = bytes(50_000);

    @TempDir
    static Path keys;

    private static Path authority;
    private static TestServer server;

    @BeforeAll
    static void startServer() throws IOException, GeneralSecurityException, InterruptedException {
        Path store = keys.resolve("server.p12");
        authority = keys.resolve("server.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", store.toString(), "-storepass", PASSWORD,
                "-file", authority.toString());
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keyStore.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keyStore, PASSWORD.toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        server = TestServer.https(tls);
        server.put("/secret.bin", Resource.of(BODY, "application/octet-stream"));
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process keytool = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, keytool.exitValue(), output);
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    private static SigetRun siget(Path dir, Object... args) {
        return SigetRun.of(List.of("-q", "--filesize", "auto", "-P", dir, "--mam-socket", dir.resolve("no-mam.sock")),
                args);
    }

    @Test
    void anUntrustedCertificateIsATlsFailure(@TempDir Path dir) {
        SigetRun run = siget(dir, server.url("/secret.bin"));

        assertEquals(5, run.exit(), run.stderr());
        assertFalse(Files.exists(dir.resolve("secret.bin")));
    }

    @Test
    void noCheckCertificateAcceptsTheSelfSignedServer(@TempDir Path dir) throws IOException {
        SigetRun run = siget(dir, "--no-check-certificate", server.url("/secret.bin"));

        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(BODY, Files.readAllBytes(dir.resolve("secret.bin")));
    }

    @Test
    void aGivenAuthorityIsTrustedWithHostNameVerification(@TempDir Path dir) throws IOException {
        int before = server.connections();
        Path timings = dir.resolve("timings.csv");

        SigetRun run = siget(dir, "--ca-certificate", authority, "--timings", timings, server.url("/secret.bin"));

        assertEquals(0, run.exit(), run.stderr());
        assertArrayEquals(BODY, Files.readAllBytes(dir.resolve("secret.bin")));
        assertEquals(1, server.connections() - before, "both phases over one kept-alive TLS connection");
        assertEquals(List.of("new", "reused"), TwoPhaseDownloadTest.column(Timing.readCsv(timings), "connection"));
    }

    /** TLS is layered on the connection the MAM made for an MPTCP decision as on siget's own sockets. */
    @Test
    void anMptcpDecisionLayersTlsOnTheConnectionTheMamMade(@TempDir Path dir) throws IOException {
        try (FakeMam mam = new FakeMam(dir.resolve("mam.sock"), request -> Decision.builder()
                .transport(Transport.MPTCP).reason("fake multipath").build())) {
            SigetRun run = SigetRun.of("-q", "--category", "bulk", "--filesize", "5M", "-P", dir, "--mam-socket",
                    mam.path(), "--ca-certificate", authority, server.url("/secret.bin"));

            assertEquals(0, run.exit(), run.stderr());
            assertArrayEquals(BODY, Files.readAllBytes(dir.resolve("secret.bin")));
            assertEquals(1, mam.socketConnects().size());
        }
    }
}
