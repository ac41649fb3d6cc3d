package org.socketintents.policy.mptcp.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostMptcpSupportTest {

    @TempDir
    Path dir;
    private Path sysctl;
    private final AtomicLong nanos = new AtomicLong(1_000);
    private HostMptcpSupport support;

    @BeforeEach
    void setUp() {
        sysctl = dir.resolve("enabled");
        support = new HostMptcpSupport(sysctl, Duration.ofSeconds(5), nanos::get);
    }

    @Test
    void oneMeansAvailableAnythingElseNot() throws Exception {
        Files.writeString(sysctl, "1\n");
        assertTrue(support.isAvailable());
        for (String other : new String[] {"0\n", "", "enabled"}) {
            Files.writeString(sysctl, other);
            nanos.addAndGet(Duration.ofSeconds(5).toNanos());
            assertFalse(support.isAvailable(), other);
        }
    }

    @Test
    void aMissingSwitchMeansNoMptcp() {
        assertFalse(support.isAvailable());
    }

    @Test
    void theSwitchIsReadAgainOnlyAfterTheRecheckInterval() throws Exception {
        Files.writeString(sysctl, "1\n");
        assertTrue(support.isAvailable());
        Files.writeString(sysctl, "0\n");
        nanos.addAndGet(Duration.ofSeconds(5).toNanos() - 1);
        assertTrue(support.isAvailable());
        nanos.addAndGet(1);
        assertFalse(support.isAvailable());
        Files.delete(sysctl);
        assertFalse(support.isAvailable());
    }
}
