package org.socketintents.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.socketintents.api.Category;
import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.InterfaceProperties;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.DecisionRequest;
import org.socketintents.api.policy.Destination;
import org.socketintents.api.policy.RequestKind;
import org.socketintents.benchmarks.support.TypicalExchange;
import org.socketintents.policy.category.internal.CategoryPolicy;
import org.socketintents.protocol.ConnectRequest;

/**
 * The category policy deciding a CONNECT on a host with 2 or 8 configured interfaces, every one a candidate with
 * the figures the ranking compares.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PolicyBenchmark {

    @Param({"2", "8"})
    public int interfaces;

    @Param({"QUERY", "BULK_TRANSFER"})
    public Category category;

    private final CategoryPolicy policy = new CategoryPolicy();
    private Interfaces snapshot;
    private ConnectRequest connect;
    private DecisionRequest request;

    @Setup
    public void configureHost() {
        List<InterfaceDescription> all = new ArrayList<>();
        for (int i = 0; i < interfaces; i++) {
            all.add(InterfaceDescription.builder("eth" + i)
                    .index(i + 2)
                    .addAddress(TypicalExchange.address(10, i, 0, 2), 24)
                    // Bandwidth grows and RTT falls along the list: both rankings end at the last interface.
                    .property(InterfaceProperties.BANDWIDTH_DOWN, (i + 1) * 10 + "M")
                    .property(InterfaceProperties.BANDWIDTH_UP, (i + 1) + "M")
                    .property(InterfaceProperties.RTT, Integer.toString(100 - i * 10))
                    .build());
        }
        snapshot = new Interfaces(1, all);
        connect = new ConnectRequest(1, TypicalExchange.REMOTE, TypicalExchange.HOST, null,
                TypicalExchange.INTENTS.toBuilder().category(category).build());
        request = context(connect);
    }

    /** The decision context as the MAM builds it for a CONNECT. */
    private DecisionRequest context(ConnectRequest c) {
        return DecisionRequest.builder(RequestKind.CONNECT)
                .intents(c.intents())
                .host(c.host())
                .port(c.remote().getPort())
                .addDestination(Destination.of(c.remote().getAddress()))
                .boundSource(c.boundSource())
                .interfaces(snapshot)
                .build();
    }

    @Benchmark
    public Decision decide() {
        return policy.decide(request);
    }

    /** The MAM's work between decoding a request and encoding the reply, less its bookkeeping. */
    @Benchmark
    public Decision contextAndDecide() {
        return policy.decide(context(connect));
    }
}
