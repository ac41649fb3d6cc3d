package org.socketintents.client.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Where the connect procedure gets the sockets it tries: they carry the application's options and binding. */
interface AttemptSockets {

    /** @return the local address the application bound the socket to, or null when it did not bind */
    InetSocketAddress applicationBinding();

    /**
     * @param source an address to bind to, or null to leave the choice to the OS; ignored when the
     *               application bound the socket itself
     * @return an unconnected socket with the application's options, bound as asked
     * @throws java.net.SocketException if the application closed its socket meanwhile
     * @throws IOException              if binding fails
     */
    Socket next(InetAddress source) throws IOException;

    /** @return whether the application closed its socket, which ends the connect */
    boolean isClosed();
}
