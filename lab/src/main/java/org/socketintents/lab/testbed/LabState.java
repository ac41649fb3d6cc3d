package org.socketintents.lab.testbed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

import org.socketintents.lab.topology.DescriptionException;
import org.socketintents.lab.topology.DescriptionParser;
import org.socketintents.lab.topology.Layout;

/**
 * What a running lab leaves for the commands that follow "lab up": its description, the daemon's pid and log, and
 * the servers' files, under /run/si-lab/NAME.
 */
public record LabState(String name, Path dir) {

    public static final Path ROOT = Path.of("/run/si-lab");
    /** Written into every daemon's command line, so that a pid file can be checked before signalling. */
    public static final String DAEMON_MARK = "org.socketintents.lab.Lab";

    public static LabState of(String name) {
        return new LabState(name, ROOT.resolve(name));
    }

    public Path descriptionFile() {
        return dir.resolve("description.lab");
    }

    public Path pidFile() {
        return dir.resolve("daemon.pid");
    }

    public Path logFile() {
        return dir.resolve("daemon.log");
    }

    public Path readyFile() {
        return dir.resolve("ready");
    }

    public Path serversDir() {
        return dir.resolve("servers");
    }

    /**
     * Where a MAM started for the lab listens. A short path on purpose: a Unix socket's path has at most 107
     * bytes, and the MAM binds a longer private name next to it before linking this one.
     */
    public Path mamSocket() {
        return dir.resolve("mam.sock");
    }

    /** The framework cache of a MAM started for the lab: it goes with the lab, however the lab ends. */
    public Path mamCache() {
        return dir.resolve("mam-cache");
    }

    /** The layout of the running lab, from the description its daemon stored. */
    public Layout layout() throws IOException, DescriptionException {
        if (!Files.isRegularFile(readyFile()) || daemonPid().isEmpty()) {
            throw new IOException("lab " + name + " is not up; start it with \"lab up\"");
        }
        String text = Files.readString(descriptionFile());
        return new Layout(name, DescriptionParser.parse(text, descriptionFile().toString()));
    }

    /** The daemon's pid, if the pid file names a live lab daemon. */
    public OptionalLong daemonPid() {
        try {
            long pid = Long.parseLong(Files.readString(pidFile()).trim());
            String commandLine = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline"));
            return commandLine.contains(DAEMON_MARK) ? OptionalLong.of(pid) : OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
