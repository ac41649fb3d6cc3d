/**
 * Implementation of the client library: the delegating socket implementation, the connect procedure and the
 * pooled, time-bounded connection to the MAM. Not exported.
 */
package org.socketintents.client.internal;
