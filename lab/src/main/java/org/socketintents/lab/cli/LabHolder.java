package org.socketintents.lab.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;

import org.socketintents.lab.delay.DelayTuning;
import org.socketintents.lab.os.FileTrees;
import org.socketintents.lab.os.Shell;
import org.socketintents.lab.testbed.LabState;
import org.socketintents.lab.testbed.LinkCongestionControl;
import org.socketintents.lab.testbed.TestbedSession;
import org.socketintents.lab.topology.Layout;

/** Builds a lab in this process, marks it ready and keeps it until the JVM is asked to exit (SIGTERM, Ctrl-C). */
final class LabHolder {

    private LabHolder() {
    }

    static void hold(Layout layout, String descriptionText, DelayTuning tuning, LabState state, PrintStream out)
            throws Exception {
        long started = System.nanoTime();
        TestbedSession session = TestbedSession.open(layout, new Shell(), tuning, () -> {
            FileTrees.remove(state.dir());
            FileTrees.removeIfEmpty(LabState.ROOT);
        });
        Files.createDirectories(state.dir());
        Files.writeString(state.descriptionFile(), descriptionText);
        Files.writeString(state.pidFile(), ProcessHandle.current().pid() + "\n");
        String summary = LabSummary.describe(layout) + "TCP congestion control: "
                + LinkCongestionControl.summary(session.testbed().congestionControl()) + "\n";
        Files.writeString(state.readyFile(), summary);
        out.printf("lab %s up in %.1f s%n%s", layout.name(), (System.nanoTime() - started) / 1e9, summary);
        out.flush();
        new CountDownLatch(1).await();
    }
}
