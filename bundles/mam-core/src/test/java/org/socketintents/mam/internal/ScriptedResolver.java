package org.socketintents.mam.internal;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import org.socketintents.api.net.AddressFamily;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.resolver.CacheEntry;
import org.socketintents.api.resolver.InterfaceAnswer;
import org.socketintents.api.resolver.MultiInterfaceResolver;
import org.socketintents.api.resolver.Resolution;

/**
 * A multi-interface resolver whose interfaces answer in a scripted order with scripted addresses, consulting the
 * {@code enough} predicate after each answer as the real one does.
 */
final class ScriptedResolver implements MultiInterfaceResolver {

    private final Map<String, List<InetAddress>> answersInOrder = new LinkedHashMap<>();
    private final Map<InetAddress, String> learned = new LinkedHashMap<>();
    final List<String> asked = new ArrayList<>();

    ScriptedResolver answer(String interfaceName, InetAddress... addresses) {
        answersInOrder.put(interfaceName, List.of(addresses));
        for (InetAddress address : addresses) {
            learned.putIfAbsent(address, interfaceName);
        }
        return this;
    }

    @Override
    public Resolution resolve(String host, AddressFamily family, Interfaces interfaces,
                              Predicate<Resolution> enough) {
        if (host.contains("..")) {
            throw new IllegalArgumentException("malformed host name '" + host + "'");
        }
        asked.add(host);
        List<InterfaceAnswer> answers = new ArrayList<>();
        Set<String> pending = new LinkedHashSet<>(answersInOrder.keySet());
        for (Map.Entry<String, List<InetAddress>> next : answersInOrder.entrySet()) {
            pending.remove(next.getKey());
            answers.add(new InterfaceAnswer(next.getKey(), next.getValue().isEmpty()
                    ? InterfaceAnswer.Outcome.NO_SUCH_NAME : InterfaceAnswer.Outcome.ADDRESSES, next.getValue(),
                    null, Duration.ofSeconds(60), Duration.ofMillis(answers.size() * 10L + 10), false, null, null));
            Resolution soFar = new Resolution(host, family, answers, pending, Map.of(),
                    Resolution.Completion.IN_PROGRESS, Duration.ZERO);
            if (!pending.isEmpty() && soFar.hasAddresses() && enough.test(soFar)) {
                return new Resolution(host, family, answers, pending, Map.of(), Resolution.Completion.ENOUGH,
                        Duration.ZERO);
            }
        }
        return new Resolution(host, family, answers, Set.of(), Map.of(), Resolution.Completion.ALL_ANSWERED,
                Duration.ZERO);
    }

    @Override
    public List<String> learnedOn(InetAddress address) {
        String name = learned.get(address);
        return name == null ? List.of() : List.of(name);
    }

    @Override
    public List<CacheEntry> cached(String host) {
        return List.of();
    }

    @Override
    public void clearCache() {
    }
}
