package org.socketintents.itests.netns;

import java.io.IOException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Finds out, once per test run, whether a network namespace can be created here, by creating one. */
final class NetworkNamespacesCondition implements ExecutionCondition {

    private static final ExtensionContext.Namespace STORE =
            ExtensionContext.Namespace.create(NetworkNamespacesCondition.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getRoot().getStore(STORE)
                .getOrComputeIfAbsent("result", key -> probe(), ConditionEvaluationResult.class);
    }

    private static ConditionEvaluationResult probe() {
        String name = "si-probe-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
        try {
            Commands.run(List.of("ip", "netns", "add", name), null);
        } catch (IOException e) {
            return ConditionEvaluationResult.disabled("network namespaces cannot be created here (these tests need"
                    + " root or CAP_SYS_ADMIN and iproute2): " + e.getMessage());
        }
        try {
            Commands.run(List.of("ip", "netns", "delete", name), null);
        } catch (IOException e) {
            throw new IllegalStateException("could not delete the probe namespace " + name, e);
        }
        return ConditionEvaluationResult.enabled("network namespaces can be created");
    }
}
