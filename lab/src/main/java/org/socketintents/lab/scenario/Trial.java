package org.socketintents.lab.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.socketintents.lab.os.CommandRunner;
import org.socketintents.lab.os.TcpConnection;
import org.socketintents.lab.os.TcpConnections;
import org.socketintents.lab.topology.Layout;

/** What a scenario needs for one repetition of one variant: the lab, the MAM, a directory, siget. */
public record Trial(Tools tools, Layout layout, CommandRunner shell, Path mamSocket, Path dir, String scenario,
        Variant variant, int repetition, RunProfile profile) {

    /** Longest a single siget run may take before it counts as failed. */
    static final Duration SIGET_TIMEOUT = Duration.ofMinutes(5);

    /** URL of a corpus path on one of the lab's host names. */
    public String url(String host, String path) {
        if (!layout.description().hosts().contains(host)) {
            throw new IllegalStateException("the lab's DNS does not know " + host + "; add \"host " + host
                    + "\" to the description");
        }
        return "http://" + host + "/" + path;
    }

    /** Starts siget in the client namespace; its messages go to siget.log in the trial's directory. */
    ClientProcess start(SigetCommand command) throws IOException {
        Files.createDirectories(dir);
        return ClientProcess.start(layout.clientNamespace(), command.argv(tools.siget(), mamSocket),
                DecisionBudget.LAB.sigetEnvironment(), dir.resolve("siget.log"));
    }

    /** The client namespace's established TCP connections now. */
    List<TcpConnection> clientConnections() throws IOException {
        return TcpConnections.of(shell, layout.clientNamespace());
    }

    /** The timings siget wrote, or none if it wrote none (it failed before the first request). */
    static List<Timing> timings(Path file) throws IOException {
        return Files.exists(file) ? TimingsFile.read(file) : List.of();
    }

    /**
     * What siget's timings say about {@code subject}; a failed measurement unless siget exited with status 0: one
     * that was stopped (a timeout, or the lab torn down under it on SIGTERM) left the timings of the requests it
     * completed, which would read as a shorter page.
     */
    Measurement measure(String subject, Path timingsFile, boolean objectSize, int sigetStatus) throws IOException {
        return measure(subject, timings(timingsFile), objectSize, sigetStatus);
    }

    Measurement measure(String subject, List<Timing> timings, boolean objectSize, int sigetStatus) {
        Measurement measured = Measurement.of(scenario, variant.label(), subject, repetition, timings, objectSize);
        return sigetStatus == 0 ? measured : measured.failed();
    }
}
