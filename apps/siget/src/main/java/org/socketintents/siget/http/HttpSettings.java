package org.socketintents.siget.http;

import java.time.Duration;

import org.apache.hc.client5.http.ssl.TlsSocketStrategy;

/**
 * How siget's HTTP client behaves.
 *
 * @param connections  how many connections may be open at once to one route
 * @param timeout      the connect timeout, and the longest wait for data on a connection
 * @param maxRedirects how many redirects one request follows
 * @param userAgent    the User-Agent header
 * @param tls          how https servers are trusted
 */
public record HttpSettings(int connections, Duration timeout, int maxRedirects, String userAgent,
                           TlsSocketStrategy tls) {
}
