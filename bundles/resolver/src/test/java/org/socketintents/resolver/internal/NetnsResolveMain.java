package org.socketintents.resolver.internal;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.socketintents.api.net.AddressFamily;
import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.resolver.InterfaceAnswer;
import org.socketintents.api.resolver.Resolution;

/**
 * Resolves one name with the real resolver and prints the resolution, one tab-separated line per fact; run inside the
 * client namespace by {@link NetnsResolutionTest}.
 *
 * <p>Arguments: {@code host timeout-ms retries enough interface...}, where enough is {@code all} or
 * {@code answered:<interface>} and each interface is {@code name=source-address=dns-servers}.
 */
public final class NetnsResolveMain {

    private NetnsResolveMain() {
    }

    public static void main(String[] args) {
        String host = args[0];
        Duration timeout = Duration.ofMillis(Long.parseLong(args[1]));
        int retries = Integer.parseInt(args[2]);
        Predicate<Resolution> enough = args[3].equals("all") ? soFar -> false
                : soFar -> soFar.answer(args[3].substring("answered:".length())).isPresent();
        List<InterfaceDescription> links = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            String[] parts = args[i].split("=", 3);
            links.add(InterfaceDescription.builder(parts[0]).addAddress(TestSetup.address(parts[1]), 24)
                    .property("dns", parts[2]).build());
        }
        ResolverSettings settings = new ResolverSettings(new QueryPolicy(timeout, retries, true), List.of(), 1, 100,
                86_400, 3_600, Duration.ofSeconds(20), Path.of("/dev/null"), ResolverSettings.DNS_PORT);
        try (ParallelResolver resolver = new ParallelResolver(settings, new ProcNetRoutes(), System::nanoTime)) {
            Resolution resolution = resolver.resolve(host, AddressFamily.INET, new Interfaces(1, links), enough);
            System.out.println("completion\t" + resolution.completion());
            for (InterfaceAnswer answer : resolution.answers()) {
                System.out.println(String.join("\t", "answer", answer.interfaceName(), answer.outcome().name(),
                        answer.addresses().stream().map(InetAddress::getHostAddress).collect(Collectors.joining(",")),
                        Long.toString(answer.latency().toMillis()), answer.error() == null ? "" : answer.error()));
            }
            resolution.pending().forEach(name -> System.out.println("pending\t" + name));
        }
        System.out.flush();
    }
}
