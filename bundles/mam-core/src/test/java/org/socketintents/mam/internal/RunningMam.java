package org.socketintents.mam.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.socketintents.api.policy.Policy;

/** A MAM serving on {@code socket} with the os-default policy and the given configuration overrides. */
final class RunningMam implements AutoCloseable {

    final DecisionEngine engine;
    final MamServer server;
    final Path socket;

    RunningMam(Path socket, Map<String, Object> overrides) throws IOException {
        this.socket = socket;
        Map<String, Object> config = new HashMap<>(overrides);
        config.put("socket_path", socket.toString());
        config.put("policy", "os-default");
        PolicyRegistry registry = new PolicyRegistry();
        registry.activate(TestConfigs.mam(config));
        registry.addPolicy(new OsDefaultPolicy(), Map.of(Policy.NAME, "os-default"));
        engine = new DecisionEngine(registry, TestConfigs.mam(config));
        server = new MamServer(engine, new StatisticsReporter(engine), new DelegatedConnects(),
                TestConfigs.mam(config));
    }

    @Override
    public void close() {
        server.deactivate();
        engine.deactivate();
    }
}
