package org.socketintents.nativemptcp.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import com.sun.jna.NativeLong;

/**
 * Runs code on a thread of its own in a fresh network namespace (unshare(CLONE_NEWNET) affects the calling thread
 * only) whose loopback interface is up. Sysctls written there, and sockets created there, stay there; the namespace
 * disappears with the thread and its sockets.
 */
final class IsolatedNetwork {

    private static final int IFREQ_SIZE = 40;
    private static final int IFNAME_SIZE = 16;

    private IsolatedNetwork() {
    }

    static <T> T run(Callable<T> task) throws Exception {
        FutureTask<T> future = new FutureTask<>(() -> {
            TestLibC.unshare(TestLibC.CLONE_NEWNET);
            bringLoopbackUp();
            return task.call();
        });
        Thread thread = new Thread(future, "isolated-network");
        thread.start();
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception) {
                throw (Exception) e.getCause();
            }
            throw e;
        } finally {
            thread.join();
        }
    }

    private static void bringLoopbackUp() throws ErrnoException {
        try (NativeSocket control = NativeSocket.open(LibC.AF_INET, TestLibC.SOCK_DGRAM, 0, "control socket")) {
            byte[] request = new byte[IFREQ_SIZE];
            byte[] name = "lo".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(name, 0, request, 0, name.length);
            TestLibC.ioctl(control.descriptor(), new NativeLong(TestLibC.SIOCGIFFLAGS), request);
            ByteBuffer flags = ByteBuffer.wrap(request).order(ByteOrder.nativeOrder());
            flags.putShort(IFNAME_SIZE, (short) (flags.getShort(IFNAME_SIZE) | TestLibC.IFF_UP));
            TestLibC.ioctl(control.descriptor(), new NativeLong(TestLibC.SIOCSIFFLAGS), request);
        }
    }
}
