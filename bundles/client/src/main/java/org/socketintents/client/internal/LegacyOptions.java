package org.socketintents.client.internal;

import java.net.SocketException;
import java.net.SocketOption;
import java.net.SocketOptions;
import java.net.StandardSocketOptions;

/**
 * Translates the integer option ids through which {@link java.net.Socket}'s classic setters reach a
 * {@link java.net.SocketImpl} into {@link SocketOption}s, so that every option travels one path.
 */
final class LegacyOptions {

    /** The read timeout: a property of {@link java.net.Socket}, with no {@link StandardSocketOptions} constant. */
    static final SocketOption<Integer> SO_TIMEOUT = new JavaSocketProperty<>("SO_TIMEOUT", Integer.class);
    /** Urgent data inline: no {@link StandardSocketOptions} constant either. */
    static final SocketOption<Boolean> SO_OOBINLINE = new JavaSocketProperty<>("SO_OOBINLINE", Boolean.class);

    private LegacyOptions() {
    }

    /**
     * @param id a {@link SocketOptions} id other than {@link SocketOptions#SO_BINDADDR}
     * @return the option it stands for
     * @throws SocketException if a stream socket has no such option
     */
    static SocketOption<?> option(int id) throws SocketException {
        switch (id) {
            case SocketOptions.TCP_NODELAY:
                return StandardSocketOptions.TCP_NODELAY;
            case SocketOptions.SO_KEEPALIVE:
                return StandardSocketOptions.SO_KEEPALIVE;
            case SocketOptions.SO_RCVBUF:
                return StandardSocketOptions.SO_RCVBUF;
            case SocketOptions.SO_SNDBUF:
                return StandardSocketOptions.SO_SNDBUF;
            case SocketOptions.IP_TOS:
                return StandardSocketOptions.IP_TOS;
            case SocketOptions.SO_REUSEADDR:
                return StandardSocketOptions.SO_REUSEADDR;
            case SocketOptions.SO_REUSEPORT:
                return StandardSocketOptions.SO_REUSEPORT;
            case SocketOptions.SO_LINGER:
                return StandardSocketOptions.SO_LINGER;
            case SocketOptions.SO_TIMEOUT:
                return SO_TIMEOUT;
            case SocketOptions.SO_OOBINLINE:
                return SO_OOBINLINE;
            default:
                throw new SocketException("option " + id + " does not apply to a stream socket");
        }
    }

    /**
     * @param option the option
     * @param value  the value {@link java.net.Socket} passes: for {@code SO_LINGER} {@code Boolean.FALSE} to
     *               disable, else the linger time
     * @return the value for the {@link SocketOption}
     */
    static Object toOptionValue(SocketOption<?> option, Object value) {
        if (option == StandardSocketOptions.SO_LINGER && Boolean.FALSE.equals(value)) {
            return -1;
        }
        return value;
    }

    /**
     * @param option the option
     * @param value  its value as a {@link SocketOption}
     * @return the value {@link java.net.Socket}'s getters expect: for {@code SO_LINGER} {@code Boolean.FALSE}
     *         when disabled
     */
    static Object toLegacyValue(SocketOption<?> option, Object value) {
        if (option == StandardSocketOptions.SO_LINGER && value instanceof Integer && (Integer) value < 0) {
            return Boolean.FALSE;
        }
        return value;
    }

    /** A setting of {@link java.net.Socket} that has a setter but no {@link SocketOption}. */
    private static final class JavaSocketProperty<T> implements SocketOption<T> {
        private final String name;
        private final Class<T> type;

        JavaSocketProperty(String name, Class<T> type) {
            this.name = name;
            this.type = type;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Class<T> type() {
            return type;
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
