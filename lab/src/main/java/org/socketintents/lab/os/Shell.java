package org.socketintents.lab.os;

import java.io.File;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short system commands (ip, tc, sysctl) and fails with their output when they fail. */
public final class Shell implements CommandRunner {

    private static final System.Logger LOG = System.getLogger(Shell.class.getName());
    private static final long TIMEOUT_SECONDS = 30;

    /** Runs the command and returns what it printed (stdout and stderr together). */
    @Override
    public String run(List<String> command) throws IOException {
        LOG.log(Level.DEBUG, () -> "run: " + String.join(" ", command));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish within " + TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted: " + String.join(" ", command), e);
        }
        if (process.exitValue() != 0) {
            throw new CommandException(command, process.exitValue(), output);
        }
        return output;
    }

    /** Whether a program is on the PATH. */
    public static boolean installed(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
