package org.socketintents.siget.download;

import java.net.URI;

/**
 * A downloaded object.
 *
 * @param finalUrl    where it was found, after redirects: the base of its relative links
 * @param contentType its media type as the server declared it, without parameters; empty when none
 * @param size        its size in bytes
 */
record FetchedObject(URI finalUrl, String contentType, long size) {

    /** @return whether it is an HTML page, whose requisites can be fetched */
    boolean isHtml() {
        return contentType.equals("text/html") || contentType.equals("application/xhtml+xml");
    }
}
