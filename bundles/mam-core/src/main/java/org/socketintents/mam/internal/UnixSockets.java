package org.socketintents.mam.internal;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.spi.SelectorProvider;

import org.newsclub.net.unix.AFUNIXSelectorProvider;
import org.newsclub.net.unix.AFUNIXServerSocketChannel;

/** The implementations of Unix sockets the MAM can listen with. */
enum UnixSockets {

    /** junixsocket's, which can attach descriptors to replies (SCM_RIGHTS); needs its native library. */
    JUNIXSOCKET {
        @Override
        ServerSocketChannel openServer() throws IOException {
            return AFUNIXServerSocketChannel.open();
        }

        @Override
        SelectorProvider selectorProvider() {
            return AFUNIXSelectorProvider.provider();
        }
    },

    /** The JDK's: no native code, no descriptor passing; peer credentials come from jdk.net. */
    JDK {
        @Override
        ServerSocketChannel openServer() throws IOException {
            return ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        }

        @Override
        SelectorProvider selectorProvider() {
            return SelectorProvider.provider();
        }
    };

    /** @return junixsocket's where its native library works, else the JDK's */
    static UnixSockets available() {
        return DescriptorPassing.isSupported() ? JUNIXSOCKET : JDK;
    }

    /** @return an unbound server channel */
    abstract ServerSocketChannel openServer() throws IOException;

    /** @return the provider of selectors for the channels this implementation's servers accept */
    abstract SelectorProvider selectorProvider();
}
