package org.socketintents.client.internal;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The socket options the application set, in order, so that every socket the library tries for a connection
 * carries them, and so that the application's own choice wins over a policy's suggestion. Thread-safe.
 */
final class OptionSettings {

    private final Map<SocketOption<?>, Object> set = new LinkedHashMap<>();

    /** Sets an option on the socket and remembers it; nothing is remembered if the socket rejects it. */
    synchronized void set(Socket socket, SocketOption<?> option, Object value) throws IOException {
        apply(socket, option, value);
        set.put(option, value);
    }

    /** @return whether the application set this option */
    synchronized boolean isSet(SocketOption<?> option) {
        return set.containsKey(option);
    }

    /** @return a new unconnected socket with the application's options */
    Socket newSocket() throws IOException {
        Socket socket = new Socket();
        try {
            synchronized (this) {
                for (Map.Entry<SocketOption<?>, Object> option : set.entrySet()) {
                    apply(socket, option.getKey(), option.getValue());
                }
            }
            return socket;
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }

    /** Sets an option, including the two {@link LegacyOptions} that only {@link Socket}'s setters reach. */
    static void apply(Socket socket, SocketOption<?> option, Object value) throws IOException {
        if (option == LegacyOptions.SO_TIMEOUT) {
            socket.setSoTimeout((Integer) value);
        } else if (option == LegacyOptions.SO_OOBINLINE) {
            socket.setOOBInline((Boolean) value);
        } else {
            setTyped(socket, option, value);
        }
    }

    /** Reads an option, including the two {@link LegacyOptions}. */
    static Object read(Socket socket, SocketOption<?> option) throws IOException {
        if (option == LegacyOptions.SO_TIMEOUT) {
            return socket.getSoTimeout();
        }
        if (option == LegacyOptions.SO_OOBINLINE) {
            return socket.getOOBInline();
        }
        return socket.getOption(option);
    }

    private static <T> void setTyped(Socket socket, SocketOption<T> option, Object value) throws IOException {
        if (value != null && !option.type().isInstance(value)) {
            throw new IllegalArgumentException(option.name() + " takes a " + option.type().getSimpleName()
                    + ", not a " + value.getClass().getSimpleName());
        }
        socket.setOption(option, option.type().cast(value));
    }
}
