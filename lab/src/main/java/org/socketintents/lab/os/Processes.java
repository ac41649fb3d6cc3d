package org.socketintents.lab.os;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Ends processes by id: all of them signalled at once, then forced after a grace period. */
public final class Processes {

    private Processes() {
    }

    /** Sends SIGTERM to every process, waits up to {@code grace} for all, then SIGKILLs the rest. */
    public static void terminate(Collection<Long> pids, Duration grace) {
        long self = ProcessHandle.current().pid();
        List<ProcessHandle> handles = new ArrayList<>();
        for (long pid : pids) {
            if (pid != self) {
                Optional<ProcessHandle> handle = ProcessHandle.of(pid);
                handle.ifPresent(handles::add);
            }
        }
        handles.forEach(ProcessHandle::destroy);
        if (!awaitExit(handles, grace)) {
            handles.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            awaitExit(handles, Duration.ofSeconds(2));
        }
    }

    private static boolean awaitExit(List<ProcessHandle> handles, Duration timeout) {
        CompletableFuture<?>[] exits = handles.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
