package org.socketintents.lab.os;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Stream;

import com.sun.jna.LastErrorException;

/**
 * Named network namespaces (those of "ip netns", bind-mounted under /run/netns).
 *
 * <p>{@link #call} runs code inside a namespace without a child process: Linux keeps the network namespace per
 * thread, so a fresh thread enters the namespace, runs the task and ends. Sockets and TUN devices belong to the
 * namespace they were created in, whichever thread uses them afterwards.
 */
public final class NetNamespace {

    public static final Path RUN_DIR = Path.of("/run/netns");

    private NetNamespace() {
    }

    public static <T> T call(String namespace, Callable<T> task) throws IOException {
        FutureTask<T> future = new FutureTask<>(() -> {
            enter(namespace);
            return task.call();
        });
        Thread thread = new Thread(future, "netns-" + namespace);
        thread.setDaemon(true);
        thread.start();
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while working in namespace " + namespace, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException("in namespace " + namespace + ": " + cause, cause);
        }
    }

    private static void enter(String namespace) throws IOException {
        int fd;
        try {
            fd = LibC.open(RUN_DIR.resolve(namespace).toString(), LibC.O_RDONLY | LibC.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new IOException("cannot open network namespace " + namespace + " (errno " + e.getErrorCode() + ")");
        }
        try {
            LibC.setns(fd, LibC.CLONE_NEWNET);
        } catch (LastErrorException e) {
            throw new IOException("cannot enter network namespace " + namespace + " (errno " + e.getErrorCode() + ")");
        } finally {
            LibC.close(fd);
        }
    }

    public static boolean exists(String namespace) {
        return Files.exists(RUN_DIR.resolve(namespace));
    }

    public static List<String> list() throws IOException {
        if (!Files.isDirectory(RUN_DIR)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(RUN_DIR)) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Processes whose network namespace is this one. */
    public static List<Long> pids(CommandRunner shell, String namespace) throws IOException {
        String out = shell.run(List.of("ip", "netns", "pids", namespace));
        return out.lines().map(String::trim).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
    }
}
