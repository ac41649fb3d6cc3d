package org.socketintents.policy.category.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.socketintents.api.Category;
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

    private volatile Preferences preferences;

    @Activate
    void activate(Config config) {
        preferences = Preferences.of(config, Preferences.DEFAULTS);
    }

    @Modified
    void modified(Config config) {
        preferences = Preferences.of(config, preferences);
    }

    @Override
    public Decision decide(DecisionRequest request) {
        Preferences current = preferences;
        Optional<Category> category = request.intents().category();
        if (category.isEmpty()) {
            return current.uncategorized.decide(request, "no category");
        }
        return current.byCategory.get(category.get()).decide(request, "category " + label(category.get()));
    }

    private static String label(Category category) {
        return category.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The preference for each category; immutable so that a reconfiguration swaps them all at once. */
    static final class Preferences {
        static final Preferences DEFAULTS = new Preferences(Map.of(
                Category.QUERY, InterfacePreference.LOWEST_RTT,
                Category.BULK_TRANSFER, InterfacePreference.HIGHEST_BANDWIDTH,
                Category.CONTROL_TRAFFIC, InterfacePreference.LOWEST_RTT,
                Category.STREAM, InterfacePreference.HIGHEST_BANDWIDTH), InterfacePreference.OS_DEFAULT);

        final Map<Category, InterfacePreference> byCategory;
        final InterfacePreference uncategorized;

        private Preferences(Map<Category, InterfacePreference> byCategory, InterfacePreference uncategorized) {
            this.byCategory = new EnumMap<>(byCategory);
            this.uncategorized = uncategorized;
        }

        /** Parses a configuration; a value that does not parse keeps the previous setting and is logged. */
        static Preferences of(Config config, Preferences previous) {
            Map<Category, InterfacePreference> byCategory = new EnumMap<>(Category.class);
            byCategory.put(Category.QUERY, parse("query", config.query(), previous.byCategory.get(Category.QUERY)));
            byCategory.put(Category.BULK_TRANSFER, parse("bulk.transfer", config.bulk_transfer(),
                    previous.byCategory.get(Category.BULK_TRANSFER)));
            byCategory.put(Category.CONTROL_TRAFFIC, parse("control.traffic", config.control_traffic(),
                    previous.byCategory.get(Category.CONTROL_TRAFFIC)));
            byCategory.put(Category.STREAM, parse("stream", config.stream(),
                    previous.byCategory.get(Category.STREAM)));
            return new Preferences(byCategory, parse("uncategorized", config.uncategorized(), previous.uncategorized));
        }

        private static InterfacePreference parse(String key, String value, InterfacePreference previous) {
            try {
                return InterfacePreference.parse(value);
            } catch (IllegalArgumentException e) {
                LOG.log(Level.ERROR, "Configuration " + PID + ": " + key + " = " + e.getMessage()
                        + "; keeping " + previous);
                return previous;
            }
        }
    }
}
