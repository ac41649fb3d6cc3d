package org.socketintents.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The machine a report was measured on.
 *
 * @param cpu         CPU model name
 * @param cores       processors available to the JVM
 * @param memoryMb    total memory
 * @param kernel      OS name and kernel release
 * @param jdk         the JDK running the tool (the distribution's java is the same unless JAVA_HOME says otherwise)
 */
record Machine(String cpu, int cores, long memoryMb, String kernel, String jdk) {

    static Machine describe() {
        return new Machine(field("/proc/cpuinfo", "model name"), Runtime.getRuntime().availableProcessors(),
                memTotalMb(), System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    }

    private static long memTotalMb() {
        String kb = field("/proc/meminfo", "MemTotal").replace("kB", "").trim();
        try {
            return Long.parseLong(kb) / 1024;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** @return the value of the first "key : value" line of a /proc file, or "?" */
    private static String field(String file, String key) {
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                    return line.substring(colon + 1).trim();
                }
            }
        } catch (IOException e) {
            // reported as unknown
        }
        return "?";
    }
}
