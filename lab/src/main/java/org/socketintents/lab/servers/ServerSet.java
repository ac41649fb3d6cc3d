package org.socketintents.lab.servers;

import java.io.File;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.socketintents.lab.os.NetNamespace;
import org.socketintents.lab.os.Niceness;
import org.socketintents.lab.os.Processes;
import org.socketintents.lab.os.Shell;
import org.socketintents.lab.topology.Layout;
import org.socketintents.lab.topology.LinkLayout;

/**
 * The lab's servers in the server namespace: nginx with the corpus and dnsmasq with the lab's names, optionally
 * nginx under mptcpize. Their pids go to the run directory so that a later command can stop them; "lab down" stops
 * them in any case, being processes of a lab namespace.
 */
public final class ServerSet {

    public static final int HTTP_PORT = 80;
    private static final String PIDS = "servers.pids";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration RETRY = Duration.ofMillis(100);
    private static final Duration STOP_GRACE = Duration.ofSeconds(5);

    private final Layout layout;
    private final Path run;

    public ServerSet(Layout layout, Path run) {
        this.layout = layout;
        this.run = run;
    }

    /** Starts both servers and returns once each answers over every link. */
    public void start(Path corpus, Path logs, boolean mptcp) throws IOException, InterruptedException {
        if (!Files.isRegularFile(corpus.resolve("news/index.html"))) {
            throw new IOException("no corpus at " + corpus + " (generate one with \"lab corpus\")");
        }
        if (Files.exists(run.resolve(PIDS))) {
            throw new IOException("servers already started (" + run.resolve(PIDS) + "); \"lab servers stop\" first");
        }
        for (String program : mptcp ? List.of("nginx", "dnsmasq", "mptcpize") : List.of("nginx", "dnsmasq")) {
            if (!Shell.installed(program)) {
                throw new IOException(program + " is not installed (Debian: apt-get install nginx dnsmasq-base"
                        + (mptcp ? " mptcpize" : "") + ")");
            }
        }
        Files.createDirectories(run);
        Files.createDirectories(logs);
        NginxConfig nginx = new NginxConfig(layout, corpus.toAbsolutePath(), logs.toAbsolutePath(), run, HTTP_PORT);
        DnsmasqConfig dnsmasq = new DnsmasqConfig(layout, logs.toAbsolutePath(), run);
        Files.writeString(run.resolve("nginx.conf"), nginx.render());
        Files.writeString(run.resolve("dnsmasq.conf"), dnsmasq.render());
        Files.writeString(dnsmasq.hostsFile(), dnsmasq.hosts());
        List<String> nginxCommand = new ArrayList<>();
        if (mptcp) {
            nginxCommand.addAll(List.of("mptcpize", "run"));
        }
        nginxCommand.addAll(List.of("nginx", "-p", run.toString(), "-e", logs.resolve("nginx-error.log").toString(),
                "-c", run.resolve("nginx.conf").toString()));
        List<Long> pids = new ArrayList<>();
        try {
            pids.add(launch(nginxCommand, logs.resolve("nginx.out")));
            pids.add(launch(List.of("dnsmasq", "--keep-in-foreground", "--conf-file=" + run.resolve("dnsmasq.conf")),
                    logs.resolve("dnsmasq.out")));
            Files.writeString(run.resolve(PIDS), pids.stream().map(String::valueOf)
                    .collect(Collectors.joining("\n", "", "\n")));
            awaitReady();
        } catch (IOException | InterruptedException | RuntimeException e) {
            Processes.terminate(pids, STOP_GRACE);
            Files.deleteIfExists(run.resolve(PIDS));
            throw e;
        }
    }

    /** Ends the servers this set started, if any. */
    public boolean stop() throws IOException {
        Path file = run.resolve(PIDS);
        if (!Files.exists(file)) {
            return false;
        }
        List<Long> pids = Files.readAllLines(file).stream().map(String::trim).filter(s -> !s.isEmpty())
                .map(Long::valueOf).filter(ServerSet::isServer).toList();
        Processes.terminate(pids, STOP_GRACE);
        Files.delete(file);
        return true;
    }

    private static boolean isServer(long pid) {
        try {
            String commandLine = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
            return commandLine.contains("nginx") || commandLine.contains("dnsmasq");
        } catch (IOException gone) {
            return false;
        }
    }

    private long launch(List<String> command, Path output) throws IOException {
        List<String> full = new ArrayList<>();
        if (Shell.installed("setsid")) {
            full.add("setsid");
        }
        full.addAll(Niceness.prefix());
        full.addAll(List.of("ip", "netns", "exec", layout.serverNamespace()));
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(output.toFile()).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        return process.pid();
    }

    /** Each link: an HTTP HEAD of the news page and a DNS query answered with that link's server address. */
    private void awaitReady() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        for (LinkLayout link : layout.links()) {
            while (true) {
                try {
                    checkLink(link);
                    break;
                } catch (IOException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IOException("servers not answering over " + link.link().name() + ": "
                                + e.getMessage(), e);
                    }
                    Thread.sleep(RETRY.toMillis());
                }
            }
        }
    }

    private void checkLink(LinkLayout link) throws IOException {
        String host = layout.description().hosts().isEmpty() ? link.serverAddress()
                : layout.description().hosts().get(0);
        try (Socket socket = NetNamespace.call(layout.clientNamespace(),
                () -> HttpProbe.connect(link.clientAddress(), link.serverAddress(), HTTP_PORT))) {
            String status = HttpProbe.head(socket, host, "/news/index.html");
            if (!status.startsWith("HTTP/1.1 200")) {
                throw new IOException("nginx answered \"" + status + "\"");
            }
        }
        if (layout.description().hosts().isEmpty()) {
            return;
        }
        try (DatagramSocket socket = NetNamespace.call(layout.clientNamespace(),
                () -> new DatagramSocket(new InetSocketAddress(InetAddress.getByName(link.clientAddress()), 0)))) {
            List<String> answers = DnsProbe.resolve(socket, link.serverAddress(), host);
            if (!answers.equals(List.of(link.serverAddress()))) {
                throw new IOException("DNS answered " + host + " with " + answers + ", expected "
                        + link.serverAddress());
            }
        }
    }
}
