package org.socketintents.resolver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The resolver over two real links. A server namespace runs dnsmasq on both links, answering www.lab.test. with
 * each link's own address (localise-queries), and a slow DNS server (3 s) on a second address of link 2; a client
 * namespace has the interfaces c1 (198.18.1.2) and c2 (198.18.2.2). The resolver runs in the client namespace, in a
 * JVM of its own ({@link NetnsResolveMain}). Skipped, saying why, where network namespaces cannot be created.
 */
class NetnsResolutionTest {

    private static final String CLIENT = "si-res-cli-" + ProcessHandle.current().pid();
    private static final String SERVER = "si-res-srv-" + ProcessHandle.current().pid();
    private static final String DNSMASQ = "/usr/sbin/dnsmasq";
    private static final long PROCESS_WAIT_SECONDS = 30;

    @TempDir
    static Path dir;

    private static final List<Process> servers = new ArrayList<>();
    private static boolean namespacesCreated;

    @BeforeAll
    static void buildTheLab() throws Exception {
        String refused;
        try {
            refused = run("ip", "netns", "add", CLIENT);
        } catch (IOException e) {
            refused = "no ip command: " + e.getMessage();
        }
        Assumptions.assumeTrue(refused == null, "network namespaces cannot be created here (root and iproute2"
                + " needed): " + refused);
        namespacesCreated = true;
        require(run("ip", "netns", "add", SERVER));
        assertTrue(Files.isExecutable(Path.of(DNSMASQ)), DNSMASQ + " is missing: apt-get install -y dnsmasq-base");
        for (int link = 1; link <= 2; link++) {
            require(run("ip", "-n", CLIENT, "link", "add", "c" + link, "type", "veth", "peer", "name", "s" + link,
                    "netns", SERVER));
            require(run("ip", "-n", CLIENT, "addr", "add", "198.18." + link + ".2/24", "dev", "c" + link));
            require(run("ip", "-n", SERVER, "addr", "add", "198.18." + link + ".1/24", "dev", "s" + link));
            require(run("ip", "-n", CLIENT, "link", "set", "c" + link, "up"));
            require(run("ip", "-n", SERVER, "link", "set", "s" + link, "up"));
        }
        require(run("ip", "-n", SERVER, "addr", "add", "198.18.2.53/24", "dev", "s2"));
        require(run("ip", "-n", SERVER, "addr", "add", "198.18.2.55/24", "dev", "s2"));
        for (String namespace : List.of(CLIENT, SERVER)) {
            require(run("ip", "-n", namespace, "link", "set", "lo", "up"));
        }
        startDnsmasq();
        start("the slow DNS server", List.of("ip", "netns", "exec", SERVER, java(), "-cp", classPath(),
                FakeDnsServer.class.getName(), "198.18.2.53", "53", "3000", "www.lab.test.,A,60,198.18.2.80"), "ready");
    }

    private static void startDnsmasq() throws Exception {
        Path hosts = Files.writeString(dir.resolve("hosts"), "198.18.1.80 www.lab.test\n198.18.2.80 www.lab.test\n");
        start("dnsmasq", List.of("ip", "netns", "exec", SERVER, DNSMASQ, "--keep-in-foreground",
                "--conf-file=/dev/null", "--log-facility=-", "--pid-file=", "--user=root", "--no-resolv", "--no-hosts",
                "--addn-hosts=" + hosts, "--bind-interfaces", "--listen-address=198.18.1.1",
                "--listen-address=198.18.2.1", "--localise-queries", "--local=/lab.test/", "--local-ttl=60"),
                "read " + hosts);
    }

    @AfterAll
    static void tearDown() throws Exception {
        for (Process server : servers) {
            server.destroy();
        }
        for (Process server : servers) {
            if (!server.waitFor(5, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        if (namespacesCreated) {
            run("ip", "netns", "del", CLIENT);
            run("ip", "netns", "del", SERVER);
        }
    }

    @Test
    void eachLinkAnswersWithItsOwnAddress() throws Exception {
        Map<String, List<String>> out = resolve("www.lab.test", 2000, 1, "all",
                "c1=198.18.1.2=198.18.1.1", "c2=198.18.2.2=198.18.2.1");

        assertEquals(List.of("ALL_ANSWERED"), out.get("completion"));
        assertEquals("ADDRESSES\t198.18.1.80", answer(out, "c1"));
        assertEquals("ADDRESSES\t198.18.2.80", answer(out, "c2"));
    }

    @Test
    void anUnknownNameIsNoSuchNameOnEachLink() throws Exception {
        Map<String, List<String>> out = resolve("nothing.lab.test.", 2000, 1, "all",
                "c1=198.18.1.2=198.18.1.1", "c2=198.18.2.2=198.18.2.1");

        assertEquals("NO_SUCH_NAME\t", answer(out, "c1"));
        assertEquals("NO_SUCH_NAME\t", answer(out, "c2"));
    }

    @Test
    void theResolutionEndsWhenThePreferredLinkHasAnsweredWithoutWaitingForTheSlowOne() throws Exception {
        Map<String, List<String>> out = resolve("www.lab.test", 5000, 0, "answered:c1",
                "c1=198.18.1.2=198.18.1.1", "c2=198.18.2.2=198.18.2.53");

        assertEquals(List.of("ENOUGH"), out.get("completion"));
        assertEquals("ADDRESSES\t198.18.1.80", answer(out, "c1"));
        assertEquals(List.of("c2"), out.get("pending"));
    }

    @Test
    void whenALinksServerDoesNotAnswerTheOtherLinkAnswersWithinTheTimeout() throws Exception {
        Map<String, List<String>> out = resolve("www.lab.test", 1000, 1, "all",
                "c1=198.18.1.2=198.18.1.1", "c2=198.18.2.2=198.18.2.53");

        assertEquals(List.of("ALL_ANSWERED"), out.get("completion"));
        assertEquals("ADDRESSES\t198.18.1.80", answer(out, "c1"));
        String silent = out.get("answer").stream().filter(line -> line.startsWith("c2\t")).findFirst().orElseThrow();
        assertTrue(silent.startsWith("c2\tFAILED\t\t"), silent);
        assertTrue(silent.endsWith("\tno valid reply: 198.18.2.53 from 198.18.2.2: timed out after 1000 ms"
                + " (2 attempts)"), silent);
    }

    @Test
    void whenALinksServerIsDownTheOtherLinkAnswers() throws Exception {
        Map<String, List<String>> out = resolve("www.lab.test", 1000, 0, "all",
                "c1=198.18.1.2=198.18.1.1", "c2=198.18.2.2=198.18.2.55");

        assertEquals("ADDRESSES\t198.18.1.80", answer(out, "c1"));
        String down = out.get("answer").stream().filter(line -> line.startsWith("c2\t")).findFirst().orElseThrow();
        assertTrue(down.startsWith("c2\tFAILED\t\t"), down);
        assertTrue(down.endsWith("\tno valid reply: 198.18.2.55 from 198.18.2.2: port unreachable (no server"
                + " listening)"), down);
    }

    /** @return the outcome and addresses of the interface's answer */
    private static String answer(Map<String, List<String>> out, String interfaceName) {
        for (String line : out.getOrDefault("answer", List.of())) {
            String[] fields = line.split("\t", -1);
            if (fields[0].equals(interfaceName)) {
                return fields[1] + "\t" + fields[2];
            }
        }
        return fail(interfaceName + " did not answer: " + out);
    }

    /** Runs {@link NetnsResolveMain} in the client namespace; its output lines by their first field. */
    private static Map<String, List<String>> resolve(String host, int timeoutMillis, int retries, String enough,
                                                     String... links) throws Exception {
        List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", CLIENT, java(), "-cp", classPath(),
                NetnsResolveMain.class.getName(), host, Integer.toString(timeoutMillis), Integer.toString(retries),
                enough));
        command.addAll(List.of(links));
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        if (!process.waitFor(PROCESS_WAIT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail("the resolver did not finish within " + PROCESS_WAIT_SECONDS + " s");
        }
        assertEquals(0, process.exitValue(), "the resolver failed: " + stdout.get() + stderr.get());
        Map<String, List<String>> lines = new HashMap<>();
        for (String line : stdout.get().split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                lines.computeIfAbsent(line.substring(0, tab), key -> new ArrayList<>()).add(line.substring(tab + 1));
            }
        }
        return lines;
    }

    private static String readAll(InputStream stream) {
        try {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a server and waits until it prints a line containing {@code ready}. */
    private static void start(String name, List<String> command, String ready) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        servers.add(process);
        BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        List<String> seen = new CopyOnWriteArrayList<>();
        CompletableFuture<Boolean> started = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    seen.add(line);
                    if (line.contains(ready)) {
                        return true;
                    }
                }
                return false;
            } catch (IOException e) {
                return false;
            }
        });
        boolean said;
        try {
            said = started.get(PROCESS_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            said = false;
        }
        if (!said) {
            fail(name + " did not say '" + ready + "' within " + PROCESS_WAIT_SECONDS + " s"
                    + (process.isAlive() ? "" : "; it exited with status " + process.exitValue())
                    + "; its output:\n" + String.join("\n", seen));
        }
        // Keep draining the output, so that the server never blocks on a full pipe.
        CompletableFuture.runAsync(() -> output.lines().forEach(line -> { }));
    }

    /** @return null when the command succeeded, else what it printed */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor() == 0 ? null : String.join(" ", command) + ": " + output.strip();
    }

    private static void require(String failure) {
        if (failure != null) {
            fail(failure);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}
