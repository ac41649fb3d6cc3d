package org.socketintents.lab.calibrate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.socketintents.lab.os.CommandRunner;
import org.socketintents.lab.os.Niceness;
import org.socketintents.lab.os.Shell;

/** Round-trip times by iputils ping, 10 ms apart, read from its per-reply lines. */
public final class PingProbe implements RttProbe {

    private static final Pattern REPLY_TIME = Pattern.compile("time=(\\d+(?:\\.\\d+)?) ms");

    private final CommandRunner shell;

    public PingProbe(CommandRunner shell) {
        this.shell = shell;
    }

    public static boolean available() {
        return Shell.installed("ping");
    }

    @Override
    public String method() {
        return "ping";
    }

    @Override
    public double[] rttMillis(Endpoint from, Endpoint to, int count) throws IOException {
        return parse(shell.run(command(from, to, count)));
    }

    /** At the lab's priority: the probe measures the links, not how busy the machine is. */
    static List<String> command(Endpoint from, Endpoint to, int count) {
        List<String> command = new ArrayList<>(Niceness.prefix());
        command.addAll(List.of("ip", "netns", "exec", from.namespace(), "ping", "-n", "-I", from.address(),
                "-i", "0.01", "-W", "2", "-c", Integer.toString(count), to.address()));
        return command;
    }

    static double[] parse(String output) throws IOException {
        Matcher m = REPLY_TIME.matcher(output);
        double[] times = m.results().mapToDouble(r -> Double.parseDouble(r.group(1))).toArray();
        if (times.length == 0) {
            throw new IOException("ping got no replies:\n" + output);
        }
        return times;
    }
}
