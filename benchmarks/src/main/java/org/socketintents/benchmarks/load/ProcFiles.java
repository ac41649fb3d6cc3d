package org.socketintents.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** What the tool reads from Linux's /proc. */
final class ProcFiles {

    private ProcFiles() {
    }

    /** @return the process's resident set size in kB */
    static long residentKb(long pid) throws IOException {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        return vmRssKb(Files.readString(status))
                .orElseThrow(() -> new IOException("no VmRSS line in " + status));
    }

    /** @param status the text of /proc/&lt;pid&gt;/status */
    static OptionalLong vmRssKb(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("VmRSS:")) {
                String[] words = line.substring("VmRSS:".length()).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(words[0]));
            }
        }
        return OptionalLong.empty();
    }

    /** @return the 1-, 5- and 15-minute load averages, as /proc/loadavg writes them; "?" where it is missing */
    static String loadAverage() {
        try {
            return loadAverage(Files.readString(Path.of("/proc/loadavg")));
        } catch (IOException e) {
            return "?";
        }
    }

    static String loadAverage(String loadavg) {
        String[] words = loadavg.trim().split("\\s+");
        return words.length < 3 ? "?" : words[0] + " " + words[1] + " " + words[2];
    }

    /** @return the 1-minute load average, or NaN where it is missing */
    static double oneMinuteLoad() {
        try {
            return Double.parseDouble(loadAverage().split(" ")[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
