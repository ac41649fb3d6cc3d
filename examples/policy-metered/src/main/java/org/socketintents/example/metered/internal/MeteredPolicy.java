package org.socketintents.example.metered.internal;

import java.util.Optional;
import java.util.OptionalDouble;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.api.Timeliness;
import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.policy.CategoryPreferences;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.DecisionRequest;
import org.socketintents.api.policy.InterfacePreference;
import org.socketintents.api.policy.Policy;

/**
 * Keeps traffic that can wait off metered interfaces: bulk transfers, background traffic and large files go to
 * the cheapest interface (the per-interface {@code cost} key); everything else is decided by category, as the
 * paper's policy does.
 */
@Component(configurationPid = MeteredPolicy.PID, property = Policy.NAME + "=metered")
@Designate(ocd = MeteredPolicy.Config.class)
public final class MeteredPolicy implements Policy {

    static final String PID = "org.socketintents.example.metered";

    @ObjectClassDefinition(id = PID, name = "Metered policy (example)",
            description = "Bulk, background and large transfers to the cheapest interface; the rest by category.")
    public @interface Config {
        @AttributeDefinition(name = "Large file (bytes)", min = "0",
                description = "Transfers at least this large count as deferrable, whatever their category.")
        long large_file_bytes() default 10_000_000L;
    }

    private volatile long largeFileBytes;

    @Activate
    @Modified
    void configure(Config config) {
        largeFileBytes = config.large_file_bytes();
    }

    @Override
    public Decision decide(DecisionRequest request) {
        Optional<String> deferrable = whyDeferrable(request.intents());
        if (deferrable.isEmpty()) {
            return CategoryPreferences.PAPER.decide(request);
        }
        Optional<InterfaceDescription> cheapest = request.interfaces().lowestCost();
        OptionalDouble highestCost = request.interfaces().sourceCandidates().stream()
                .filter(d -> d.cost().isPresent()).mapToDouble(d -> d.cost().getAsDouble()).max();
        if (cheapest.isPresent() && highestCost.isPresent()
                && cheapest.get().cost().getAsDouble() == highestCost.getAsDouble()) {
            return CategoryPreferences.PAPER.decide(request);
        }
        return InterfacePreference.LOWEST_COST.decide(request, deferrable.get());
    }

    private Optional<String> whyDeferrable(Intents intents) {
        if (intents.category().equals(Optional.of(Category.BULK_TRANSFER))) {
            return Optional.of("bulk transfer");
        }
        if (intents.timeliness().equals(Optional.of(Timeliness.BACKGROUND))) {
            return Optional.of("background traffic");
        }
        if (intents.fileSize().isPresent() && intents.fileSize().getAsLong() >= largeFileBytes) {
            return Optional.of("file of " + intents.fileSize().getAsLong() + " bytes");
        }
        return Optional.empty();
    }
}
