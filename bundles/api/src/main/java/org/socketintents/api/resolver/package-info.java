/**
 * Name resolution over every interface at once (section 3.3 of the paper, "Destination Address Selection"): each
 * interface asks its own DNS servers from its own source address, every address comes back tagged with the
 * interface it was learned on, and the caller (the MAM, on behalf of the active policy) may end the resolution as
 * soon as it has enough.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.socketintents.api.resolver;
