package org.socketintents.mam.internal;

import java.io.IOException;
import java.nio.channels.SocketChannel;
import java.util.OptionalLong;

import org.newsclub.net.unix.AFUNIXSocketChannel;
import org.newsclub.net.unix.AFUNIXSocketCredentials;

import jdk.net.ExtendedSocketOptions;
import jdk.net.UnixDomainPrincipal;

/**
 * Who is at the other end of a client connection, as the kernel reports it (SO_PEERCRED) when the connection
 * was made.
 *
 * @param pid the peer's process id, -1 where the socket implementation does not tell it
 * @param uid its effective user id
 * @param gid its effective group id
 */
record PeerCredentials(long pid, long uid, long gid) {

    /**
     * @param channel  an accepted Unix-socket connection, junixsocket's or the JDK's
     * @param accounts to turn the JDK's user and group names into ids
     * @return the peer's credentials
     * @throws IOException if the kernel does not tell them
     */
    static PeerCredentials of(SocketChannel channel, Accounts accounts) throws IOException {
        if (channel instanceof AFUNIXSocketChannel) {
            AFUNIXSocketCredentials peer = ((AFUNIXSocketChannel) channel).getPeerCredentials();
            if (peer == null || peer.isEmpty()) {
                throw new IOException("the kernel reported no peer credentials");
            }
            return new PeerCredentials(peer.getPid(), peer.getUid(), peer.getGid());
        }
        UnixDomainPrincipal peer = channel.getOption(ExtendedSocketOptions.SO_PEERCRED);
        String user = peer.user().getName();
        String group = peer.group().getName();
        return new PeerCredentials(-1, known(accounts.user(user), "user", user),
                known(accounts.group(group), "group", group));
    }

    private static long known(OptionalLong id, String kind, String name) throws IOException {
        return id.orElseThrow(() -> new IOException("the peer's " + kind + " '" + name + "' has no known id"));
    }

    @Override
    public String toString() {
        return "pid " + (pid < 0 ? "?" : pid) + " uid " + uid + " gid " + gid;
    }
}
