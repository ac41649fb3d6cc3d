package org.socketintents.policy.category.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.socketintents.api.Category;
import org.socketintents.api.policy.CategoryPreferences;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.DecisionRequest;
import org.socketintents.api.policy.InterfacePreference;
import org.socketintents.api.policy.Policy;

/**
 * The paper's policy (section 2.3, Scenario 1): bulk transfers go to the highest-bandwidth interface, queries to
 * the lowest-latency one; streams and control traffic as configured. Connections without a category are left
 * to the operating system.
 */
@Component(configurationPid = CategoryPolicy.PID, property = Policy.NAME + "=category")
@Designate(ocd = CategoryPolicy.Config.class)
public final class CategoryPolicy implements Policy {

    static final String PID = "org.socketintents.policy.category";
    private static final Logger LOG = System.getLogger(CategoryPolicy.class.getName());

    @ObjectClassDefinition(id = PID, name = "Socket Intents category policy",
            description = "Chooses the source interface by the category intent. Preferences: bandwidth, latency,"
                    + " cost, none (OS default). Interface figures come from the per-interface configuration.")
    public @interface Config {
        @AttributeDefinition(name = "Query", description = "Interface preference for category query.")
        String query() default "latency";

        @AttributeDefinition(name = "Bulk transfer", description = "Interface preference for category bulk transfer.")
        String bulk_transfer() default "bandwidth";

        @AttributeDefinition(name = "Control traffic", description = "Interface preference for category control traffic.")
        String control_traffic() default "latency";

        @AttributeDefinition(name = "Stream", description = "Interface preference for category stream.")
        String stream() default "bandwidth";

        @AttributeDefinition(name = "No category", description = "Interface preference when no category is set.")
        String uncategorized() default "none";
    }

    private volatile CategoryPreferences preferences = CategoryPreferences.PAPER;

    @Activate
    void activate(Config config) {
        preferences = configure(config, CategoryPreferences.PAPER);
    }

    @Modified
    void modified(Config config) {
        preferences = configure(config, preferences);
    }

    @Override
    public Decision decide(DecisionRequest request) {
        return preferences.decide(request);
    }

    /** Applies a configuration; a value that does not parse keeps the previous setting and is logged. */
    static CategoryPreferences configure(Config config, CategoryPreferences previous) {
        return previous
                .with(Category.QUERY, parse("query", config.query(), previous.of(Optional.of(Category.QUERY))))
                .with(Category.BULK_TRANSFER, parse("bulk.transfer", config.bulk_transfer(),
                        previous.of(Optional.of(Category.BULK_TRANSFER))))
                .with(Category.CONTROL_TRAFFIC, parse("control.traffic", config.control_traffic(),
                        previous.of(Optional.of(Category.CONTROL_TRAFFIC))))
                .with(Category.STREAM, parse("stream", config.stream(), previous.of(Optional.of(Category.STREAM))))
                .withUncategorized(parse("uncategorized", config.uncategorized(), previous.of(Optional.empty())));
    }

    private static InterfacePreference parse(String key, String value, InterfacePreference previous) {
        try {
            return InterfacePreference.parse(value);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "Configuration " + PID + ": " + key + " = " + e.getMessage() + "; keeping "
                    + previous);
            return previous;
        }
    }
}
