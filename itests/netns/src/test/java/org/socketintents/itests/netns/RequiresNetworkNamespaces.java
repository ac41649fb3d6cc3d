package org.socketintents.itests.netns;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Skips the annotated test class, naming the reason, where this machine does not let us create network
 * namespaces (not root, no CAP_SYS_ADMIN, no iproute2). Anywhere else the tests run, and any failure to set up
 * the lab is a failure, never a skip.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NetworkNamespacesCondition.class)
@interface RequiresNetworkNamespaces {
}
