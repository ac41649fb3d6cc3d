/**
 * The MAM wire protocol, version 1: length-prefixed binary frames of tag-length-value fields, in network
 * byte order, over a Unix stream socket. docs/protocol.md is its specification; this package is its Java
 * implementation, used by the MAM and by the client library.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package org.socketintents.protocol;
