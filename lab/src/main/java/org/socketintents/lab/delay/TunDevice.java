package org.socketintents.lab.delay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;

import org.socketintents.lab.os.LibC;

/**
 * A TUN device (layer 3, no packet information header) and the descriptor that carries its packets. The device is
 * created in the network namespace of the calling thread and disappears when the descriptor is closed.
 */
public final class TunDevice implements AutoCloseable {

    private static final String CLONE_DEVICE = "/dev/net/tun";
    /** _IOW('T', 202, int) */
    private static final long TUNSETIFF = 0x400454caL;
    private static final short IFF_TUN = 0x0001;
    private static final short IFF_NO_PI = 0x1000;
    private static final int IFNAMSIZ = 16;
    private static final int IFREQ_SIZE = 40;

    private final int fd;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TunDevice(int fd) {
        this.fd = fd;
    }

    public static TunDevice create(String name) throws IOException {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length == 0 || bytes.length >= IFNAMSIZ) {
            throw new IllegalArgumentException("device name must have 1 to 15 characters: " + name);
        }
        int fd;
        try {
            fd = LibC.open(CLONE_DEVICE, LibC.O_RDWR | LibC.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new IOException("cannot open " + CLONE_DEVICE + " (errno " + e.getErrorCode()
                    + "; root and the tun module are needed)");
        }
        try (Memory ifreq = new Memory(IFREQ_SIZE)) {
            ifreq.clear();
            ifreq.write(0, bytes, 0, bytes.length);
            ifreq.setShort(IFNAMSIZ, (short) (IFF_TUN | IFF_NO_PI));
            LibC.ioctl(fd, TUNSETIFF, ifreq);
        } catch (LastErrorException e) {
            LibC.close(fd);
            throw new IOException("cannot create TUN device " + name + " (errno " + e.getErrorCode()
                    + (e.getErrorCode() == 16 ? ": the name is taken" : "") + ")");
        }
        return new TunDevice(fd);
    }

    int fd() {
        return fd;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            LibC.close(fd);
        }
    }
}
