package org.socketintents.benchmarks.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Base64;

import org.socketintents.benchmarks.support.CannedReplyServer;

/**
 * The echo floor's server, in a process of its own as the MAM is: a thread switch between processes costs more
 * than one inside a process, and the floor must not be lower than the MAM could ever be for that reason alone.
 * Prints {@value ResultLine#READY} once listening and serves until its standard input closes.
 *
 * <p>Arguments: socket path, reply frame in Base64.
 */
public final class EchoServerMain {

    private EchoServerMain() {
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: EchoServerMain <socket> <reply-frame-base64>");
            System.exit(2);
        }
        try (CannedReplyServer server = CannedReplyServer.start(Path.of(args[0]), Base64.getDecoder().decode(args[1]))) {
            System.out.println(ResultLine.READY);
            System.out.flush();
            while (System.in.read() >= 0) {
                // serves until the load tool closes the pipe or ends
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("echo server failed: " + e);
            System.exit(1);
        }
    }
}
