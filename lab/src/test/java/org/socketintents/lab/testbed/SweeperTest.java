package org.socketintents.lab.testbed;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.socketintents.lab.os.NetNamespace;
import org.socketintents.lab.os.Shell;

/** "lab down" on leftovers of a crashed lab (root only; uses namespaces of its own). */
class SweeperTest {

    private final Shell shell = new Shell();

    @BeforeEach
    void root() {
        RootOnly.assumeRoot();
    }

    @Test
    void removesTheNamedLabsNamespacesAndProcessesButNoOtherLab() throws Exception {
        String lab = RootOnly.uniqueLabName();
        String other = RootOnly.uniqueLabName();
        shell.run(List.of("ip", "netns", "add", lab + "-srv"));
        shell.run(List.of("ip", "netns", "add", other + "-cli"));
        Process leftover = new ProcessBuilder("ip", "netns", "exec", lab + "-srv", "sleep", "300")
                .redirectOutput(new File("/dev/null")).redirectErrorStream(true).start();
        try {
            awaitInNamespace(lab + "-srv", leftover.pid());

            List<String> removed = new Sweeper(shell).sweep(lab);

            assertTrue(leftover.waitFor(10, TimeUnit.SECONDS), "the leftover process ended");
            assertFalse(NetNamespace.exists(lab + "-srv"));
            assertTrue(NetNamespace.exists(other + "-cli"));
            assertTrue(removed.contains("process " + leftover.pid() + " in " + lab + "-srv"), removed.toString());
            assertTrue(removed.contains("namespace " + lab + "-srv"), removed.toString());
        } finally {
            leftover.destroyForcibly();
            shell.run(List.of("ip", "netns", "delete", other + "-cli"));
        }
    }

    /** "ip netns exec" enters the namespace and then becomes sleep; wait for the first half. */
    private void awaitInNamespace(String namespace, long pid) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!NetNamespace.pids(shell, namespace).contains(pid)) {
            assertTrue(System.nanoTime() < deadline, "process " + pid + " never entered " + namespace);
            Thread.onSpinWait();
        }
    }
}
