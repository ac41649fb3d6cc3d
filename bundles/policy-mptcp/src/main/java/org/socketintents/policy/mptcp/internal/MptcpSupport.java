package org.socketintents.policy.mptcp.internal;

/** Whether this host can open MPTCP connections. Asked on every multipath-worthy decision, so it must be cheap. */
@FunctionalInterface
interface MptcpSupport {

    /** @return whether MPTCP connections can be opened now */
    boolean isAvailable();
}
