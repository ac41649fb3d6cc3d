package org.socketintents.benchmarks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time of the whole machine and of the tool's own processes (itself, the daemon, client processes), in
 * clock ticks, from /proc. Two samples tell how much of the machine other processes used in between: the load
 * average cannot, since it counts the tool's own threads too.
 *
 * @param machineBusy  ticks all CPUs spent on anything but idling
 * @param machineTotal ticks all CPUs spent in all, idle included
 * @param ours         ticks spent by this process, its descendants and its reaped children
 */
record CpuSample(long machineBusy, long machineTotal, long ours) {

    static CpuSample now() {
        try {
            long[] machine = machineTicks(Files.readAllLines(Path.of("/proc/stat")).get(0));
            long ours = processTicks(ProcessHandle.current().pid());
            try (Stream<ProcessHandle> descendants = ProcessHandle.current().descendants()) {
                ours += descendants.mapToLong(p -> processTicksOrZero(p.pid())).sum();
            }
            return new CpuSample(machine[0], machine[1], ours);
        } catch (IOException | RuntimeException e) {
            return new CpuSample(0, 0, 0);
        }
    }

    /**
     * @return the share of the machine's CPU time from {@code before} to this sample that other processes used,
     *         from 0 to 1; NaN when /proc could not tell
     */
    double othersShareSince(CpuSample before) {
        long total = machineTotal - before.machineTotal;
        if (total <= 0) {
            return Double.NaN;
        }
        long others = (machineBusy - before.machineBusy) - (ours - before.ours);
        return Math.max(0, Math.min(1, (double) others / total));
    }

    /** @param cpuLine the first line of /proc/stat; returns busy and total ticks */
    static long[] machineTicks(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        long user = Long.parseLong(f[1]);
        long nice = Long.parseLong(f[2]);
        long system = Long.parseLong(f[3]);
        long idle = Long.parseLong(f[4]);
        long iowait = f.length > 5 ? Long.parseLong(f[5]) : 0;
        long irq = f.length > 6 ? Long.parseLong(f[6]) : 0;
        long softirq = f.length > 7 ? Long.parseLong(f[7]) : 0;
        long steal = f.length > 8 ? Long.parseLong(f[8]) : 0;
        long busy = user + nice + system + irq + softirq + steal;
        return new long[] {busy, busy + idle + iowait};
    }

    /** @param stat the text of /proc/&lt;pid&gt;/stat; returns user, system and reaped children's ticks */
    static long processTicks(String stat) {
        // The command name may hold spaces and parentheses: the fields start after its last ')'.
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    private static long processTicks(long pid) throws IOException {
        return processTicks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
    }

    private static long processTicksOrZero(long pid) {
        try {
            return processTicks(pid);
        } catch (IOException e) {
            return 0; // ended since it was listed
        }
    }
}
