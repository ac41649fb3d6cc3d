package org.socketintents.siget;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.socketintents.siget.download.DownloadOptions;
import org.socketintents.siget.download.Downloader;
import org.socketintents.siget.download.ExitStatus;
import org.socketintents.siget.download.IntentPlan;
import org.socketintents.siget.download.OutputLayout;
import org.socketintents.siget.http.HttpSettings;
import org.socketintents.siget.http.IntentHttpClient;
import org.socketintents.siget.http.TlsTrust;
import org.socketintents.siget.report.Console;
import org.socketintents.siget.report.Progress;
import org.socketintents.siget.report.ProgressBar;
import org.socketintents.siget.report.Timings;
import org.socketintents.siget.report.TimingsFile;
import org.socketintents.siget.report.TimingsFormat;

import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The siget command: wget's everyday options, plus the intents the MAM's policy chooses interfaces by. */
@Command(name = "siget", mixinStandardHelpOptions = true, versionProvider = Siget.Version.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Downloads URLs over HTTP and HTTPS like wget, telling the Socket Intents MAM what each "
                + "connection is for, so that its policy can pick the network interface.",
                "Without a running MAM it downloads the OS default way, after one warning."},
        exitCodeListHeading = "%nExit status (as wget's; with several failures the lowest number from 2 wins):%n",
        exitCodeList = {
            "0:everything was downloaded",
            "1:a failure of no other kind",
            "2:the command line is wrong",
            "3:a file could not be written (a download, the timings) or read (--ca-certificate)",
            "4:network failure: name resolution, connect, a connection lost for good, a timeout",
            "5:TLS failure, e.g. an untrusted certificate",
            "7:protocol error: a wrong byte range, a size mismatch, too many redirects",
            "8:the server answered with an error status (4xx, 5xx)"})
public final class Siget implements Callable<Integer> {

    @Parameters(paramLabel = "URL", arity = "1..*",
            description = "http or https URLs; one without a scheme is taken as http.")
    List<String> urls = new ArrayList<>();

    @Option(names = {"-O", "--output-document"}, paramLabel = "FILE",
            description = "Save the document to FILE, '-' for standard output (one URL, without -p).")
    String outputDocument;

    @Option(names = {"-P", "--directory-prefix"}, paramLabel = "DIR", defaultValue = ".",
            description = "Save files under DIR (default: the current directory).")
    Path directoryPrefix;

    @Option(names = {"-p", "--page-requisites"},
            description = "Also fetch the objects an HTML page embeds (images, scripts, style sheets, icons, media, "
                    + "frames), saved under DIR/host/path.")
    boolean pageRequisites;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "1",
            description = "Fetch up to N page requisites at once, over up to N connections per route "
                    + "(default: ${DEFAULT-VALUE}, one after the other like the paper's wget).")
    int parallel;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing.")
    boolean quiet;

    @Option(names = {"-d", "--debug"}, description = "Print debug messages of HttpClient and the Socket Intents library.")
    boolean debug;

    @Option(names = {"-t", "--tries"}, paramLabel = "N", defaultValue = "3",
            description = "Requests per phase of an object, resuming a broken transfer where it stopped "
                    + "(default: ${DEFAULT-VALUE}). Refused connections, unknown hosts and TLS failures are not retried.")
    int tries;

    @Option(names = {"-T", "--timeout"}, paramLabel = "SECONDS", defaultValue = "60",
            description = "Connect timeout and the longest wait for data (default: ${DEFAULT-VALUE}).")
    double timeoutSeconds;

    @Option(names = "--max-redirect", paramLabel = "N", defaultValue = "20",
            description = "Follow at most N redirects per request (default: ${DEFAULT-VALUE}).")
    int maxRedirect;

    @Option(names = {"-U", "--user-agent"}, paramLabel = "AGENT", description = "The User-Agent header.")
    String userAgent;

    @Option(names = "--no-check-certificate", description = "Accept any server certificate and host name.")
    boolean noCheckCertificate;

    @Option(names = "--ca-certificate", paramLabel = "FILE",
            description = "Trust the certificate authorities in FILE (PEM) instead of the JDK's.")
    Path caCertificate;

    @Option(names = "--timings", paramLabel = "FILE",
            description = "Write one record per request (URL, phase, bytes, interface, local address, new or "
                    + "reused connection, start, first byte, end in epoch ms) to FILE.")
    Path timingsFile;

    @Option(names = "--timings-format", paramLabel = "csv|jsonl",
            description = "The timings format; by default JSON lines for .json, .jsonl, .ndjson files, else CSV.")
    String timingsFormat;

    @ArgGroup(validate = false, heading = "%nIntents (Table 1 of the paper; advisory, for the MAM's policy):%n")
    IntentOptions intents = new IntentOptions();

    @Option(names = "--mam-socket", paramLabel = "PATH",
            description = "The MAM's Unix domain socket (default: system property socketintents.socket, "
                    + "environment variable SOCKET_INTENTS_SOCKET, else the standard places).")
    Path mamSocket;

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    Siget(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err, System.console() != null));
    }

    /**
     * @param args     the command line
     * @param out      standard output: help, version, {@code -O -}
     * @param err      standard error: messages and the progress bar
     * @param terminal whether standard error is a terminal, which gets a progress bar
     * @return the exit status
     */
    static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
        CommandLine command = new CommandLine(new Siget(out, err, terminal));
        command.setOut(writer(out));
        command.setErr(writer(err));
        command.setParameterExceptionHandler((problem, arguments) -> {
            problem.getCommandLine().getErr().println("siget: " + problem.getMessage());
            problem.getCommandLine().getErr().println("Try 'siget --help' for more options.");
            return ExitStatus.USAGE.code();
        });
        return command.execute(args);
    }

    private static PrintWriter writer(PrintStream stream) {
        return new PrintWriter(stream, true, Charset.defaultCharset());
    }

    @Override
    public Integer call() throws IOException {
        List<URI> targets = targets();
        IntentPlan plan = plan();
        OutputLayout layout = layout(targets);
        TimingsFormat format = timingsFile == null ? null : timingsFormat();
        Logging.configure(debug, err);
        Console console = new Console(err, quiet);
        TlsSocketStrategy tls;
        try {
            tls = tls();
        } catch (IOException e) {
            console.error("cannot read " + caCertificate + ": " + e.getMessage());
            return ExitStatus.FILE_IO.code();
        } catch (GeneralSecurityException e) {
            console.error("cannot use the certificates in " + caCertificate + ": " + e.getMessage());
            return ExitStatus.TLS.code();
        }
        TimingsFile timings;
        try {
            timings = timingsFile == null ? null : TimingsFile.create(timingsFile, format);
        } catch (IOException e) {
            console.error("cannot create the timings file " + timingsFile + ": " + e.getMessage());
            return ExitStatus.FILE_IO.code();
        }
        Progress progress = terminal && !quiet ? new ProgressBar(console, System::nanoTime) : Progress.NONE;
        HttpSettings settings = new HttpSettings(parallel, Duration.ofMillis(Math.round(timeoutSeconds * 1000)),
                maxRedirect, userAgent == null ? "siget/" + Version.number() : userAgent, tls);
        ExitStatus status;
        try (IntentHttpClient http = new IntentHttpClient(settings, mamSocket, console::warning)) {
            status = new Downloader(http.client(), new DownloadOptions(plan, tries, layout, pageRequisites, parallel),
                    timings == null ? Timings.NONE : timings, progress, console, out).run(targets);
        }
        if (timings != null) {
            try {
                timings.close();
            } catch (IOException e) {
                console.error(e.getMessage());
                status = status.and(ExitStatus.FILE_IO);
            }
        }
        return status.code();
    }

    private List<URI> targets() {
        List<URI> targets = new ArrayList<>();
        for (String url : urls) {
            targets.add(parseUrl(url));
        }
        if (parallel < 1 || tries < 1 || maxRedirect < 0 || !(timeoutSeconds > 0)) {
            throw usage("--parallel and --tries must be at least 1, --max-redirect at least 0, --timeout positive");
        }
        return targets;
    }

    private URI parseUrl(String text) {
        String url = text.contains("://") ? text : "http://" + text;
        try {
            URI parsed = new URI(url);
            String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && parsed.getHost() != null) {
                return parsed;
            }
        } catch (URISyntaxException e) {
            throw usage("'" + text + "' is not a valid URL: " + e.getMessage());
        }
        throw usage("'" + text + "' is not an http or https URL with a host");
    }

    private IntentPlan plan() {
        if (intents.probeBytes < 1) {
            throw usage("--probe-bytes must be at least 1");
        }
        try {
            return intents.plan();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    private OutputLayout layout(List<URI> targets) {
        if (outputDocument == null) {
            return pageRequisites ? OutputLayout.mirror(directoryPrefix) : OutputLayout.flat(directoryPrefix);
        }
        if (pageRequisites || targets.size() > 1) {
            throw usage("-O saves one document: use -P for several URLs or -p");
        }
        return OutputLayout.single(outputDocument);
    }

    private TlsSocketStrategy tls() throws IOException, GeneralSecurityException {
        if (noCheckCertificate) {
            return TlsTrust.anyServer();
        }
        return caCertificate == null ? TlsTrust.system() : TlsTrust.authorities(caCertificate);
    }

    private TimingsFormat timingsFormat() {
        if (timingsFormat == null) {
            return TimingsFormat.forFile(timingsFile);
        }
        switch (timingsFormat.toLowerCase(Locale.ROOT)) {
            case "csv":
                return TimingsFormat.CSV;
            case "jsonl":
            case "json":
                return TimingsFormat.JSON_LINES;
            default:
                throw usage("--timings-format is csv or jsonl, not '" + timingsFormat + "'");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {

        static String number() {
            String version = Siget.class.getPackage().getImplementationVersion();
            return version == null ? "development" : version;
        }

        @Override
        public String[] getVersion() {
            return new String[] {"siget " + number() + " (Socket Intents)"};
        }
    }
}
