package org.socketintents.siget.http;

import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.URIScheme;

/** The port a request goes to: the one in its URL, else the scheme's well-known port. */
final class TargetPort {

    private static final int HTTP = 80;
    private static final int HTTPS = 443;

    private TargetPort() {
    }

    static int of(HttpHost host) {
        return of(host.getSchemeName(), host.getPort());
    }

    /**
     * @param scheme http or https
     * @param port   the port given, or a negative number when none is
     */
    static int of(String scheme, int port) {
        if (port > 0) {
            return port;
        }
        return URIScheme.HTTPS.same(scheme) ? HTTPS : HTTP;
    }
}
