package org.socketintents.policy.mptcp.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Reads the Linux switch {@code net.mptcp.enabled} (kernel 5.6 and later), at most once per interval: decisions ask
 * on every bulk connection and must not wait for file I/O each time, yet an administrator who flips the switch
 * should not have to reconfigure the policy. A missing file (older kernel, another OS) or an unreadable one means
 * no MPTCP.
 */
final class HostMptcpSupport implements MptcpSupport {

    private static final Path SYSCTL = Path.of("/proc/sys/net/mptcp/enabled");
    private static final Duration RECHECK = Duration.ofSeconds(5);

    private final Path sysctl;
    private final long recheckNanos;
    private final LongSupplier nanoClock;
    private volatile Reading last;

    private record Reading(boolean available, long atNanos) {
    }

    HostMptcpSupport() {
        this(SYSCTL, RECHECK, System::nanoTime);
    }

    /**
     * @param sysctl    the file holding {@code 1} when MPTCP is enabled
     * @param recheck   how long a reading stays valid
     * @param nanoClock a monotonic clock in nanoseconds
     */
    HostMptcpSupport(Path sysctl, Duration recheck, LongSupplier nanoClock) {
        this.sysctl = sysctl;
        this.recheckNanos = recheck.toNanos();
        this.nanoClock = nanoClock;
    }

    @Override
    public boolean isAvailable() {
        long now = nanoClock.getAsLong();
        Reading reading = last;
        // Racing threads may both read the file once; that is cheaper than making every decision take a lock.
        if (reading == null || now - reading.atNanos() >= recheckNanos) {
            reading = new Reading(read(), now);
            last = reading;
        }
        return reading.available();
    }

    private boolean read() {
        try {
            return "1".equals(Files.readString(sysctl).trim());
        } catch (IOException e) {
            return false;
        }
    }
}
