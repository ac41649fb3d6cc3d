package org.socketintents.resolver.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.socketintents.api.net.AddressFamily;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.resolver.Resolution;
import org.socketintents.api.resolver.Resolution.Completion;

class ResolverServiceTest {

    private final ResolverService service = new ResolverService();

    @AfterEach
    void deactivate() {
        service.deactivate();
    }

    @Test
    void aRefusedConfigurationLeavesTheResolverServing() {
        service.activate(Configs.resolver(Map.of("timeout.ms", -1)));
        service.modified(Configs.resolver(Map.of("retries", new IllegalArgumentException("not a number: 'many'"))));

        Resolution resolution = service.resolve("www.example", AddressFamily.ANY, Interfaces.empty());

        assertEquals(Completion.ALL_ANSWERED, resolution.completion());
        assertEquals(List.of(), resolution.answers());
        assertThrows(IllegalArgumentException.class,
                () -> service.resolve("bad..name", AddressFamily.ANY, Interfaces.empty()));
        assertEquals(List.of(), service.cached("www.example"));
        assertEquals(List.of(), service.learnedOn(TestSetup.address("192.0.2.1")));
        service.clearCache();
    }
}
