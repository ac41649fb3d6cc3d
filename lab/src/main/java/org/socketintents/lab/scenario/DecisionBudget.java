package org.socketintents.lab.scenario;

import java.time.Duration;
import java.util.Map;

/**
 * How long the lab lets a decision take, in the MAM (the policy's budget) and in siget (how long it waits for the
 * MAM's answer to a CONNECT and to a RESOLVE). The runtime's defaults, 50 ms, 100 ms and 1 s followed by a second
 * without asking the MAM after a miss, suit a host where the MAM idles between requests. The lab's machine runs
 * the links, the servers, the MAM and two clients at once: when a policy thread waited longer than 50 ms for a core,
 * its decision fell back to the OS default, which on the lab's routing is the first link, and a run of "i2 only"
 * sent some requests over i1. A late decision only delays its request, visibly in the timings; a fallback
 * measures another variant without a trace in the results.
 *
 * @param policy  the MAM's budget per policy call (its setting policy.budget.ms)
 * @param connect how long siget waits for a CONNECT decision
 * @param resolve how long siget waits for a RESOLVE, which includes the DNS query over the chosen link
 */
record DecisionBudget(Duration policy, Duration connect, Duration resolve) {

    static final DecisionBudget LAB = new DecisionBudget(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(3));

    /** The MAM configuration line (org.socketintents.mam.cfg). */
    String mamSetting() {
        return "policy.budget.ms = " + policy.toMillis() + "\n";
    }

    /** The environment that hands siget's JVM the client library's settings. */
    Map<String, String> sigetEnvironment() {
        return Map.of("SIGET_JAVA_OPTS", "-Dsocketintents.timeout.ms=" + connect.toMillis()
                + " -Dsocketintents.resolve.timeout.ms=" + resolve.toMillis());
    }
}
