package org.socketintents.api.policy;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.socketintents.api.Category;

/**
 * Which kind of interface each category of connection should use: the paper's policy as a value that several
 * policies share (the category policy, and the others when an intent they rely on is missing). Immutable.
 */
public final class CategoryPreferences {

    /** The paper's choice: queries and control traffic to low latency, bulk transfers and streams to bandwidth. */
    public static final CategoryPreferences PAPER = new CategoryPreferences(Map.of(
            Category.QUERY, InterfacePreference.LOWEST_RTT,
            Category.BULK_TRANSFER, InterfacePreference.HIGHEST_BANDWIDTH,
            Category.CONTROL_TRAFFIC, InterfacePreference.LOWEST_RTT,
            Category.STREAM, InterfacePreference.HIGHEST_BANDWIDTH), InterfacePreference.OS_DEFAULT);

    private final Map<Category, InterfacePreference> byCategory;
    private final InterfacePreference uncategorized;

    private CategoryPreferences(Map<Category, InterfacePreference> byCategory, InterfacePreference uncategorized) {
        this.byCategory = new EnumMap<>(byCategory);
        this.uncategorized = uncategorized;
    }

    /**
     * @param category a category
     * @param preference the preference for it
     * @return a copy with that category's preference replaced
     */
    public CategoryPreferences with(Category category, InterfacePreference preference) {
        Map<Category, InterfacePreference> changed = new EnumMap<>(byCategory);
        changed.put(category, preference);
        return new CategoryPreferences(changed, uncategorized);
    }

    /**
     * @param preference the preference for connections without a category
     * @return a copy with it replaced
     */
    public CategoryPreferences withUncategorized(InterfacePreference preference) {
        return new CategoryPreferences(byCategory, preference);
    }

    /**
     * @param category a category, or empty
     * @return the preference for it
     */
    public InterfacePreference of(Optional<Category> category) {
        return category.map(byCategory::get).orElse(uncategorized);
    }

    /**
     * Decides the source by the request's category.
     *
     * @param request the request
     * @return the decision, its reason naming the category
     */
    public Decision decide(DecisionRequest request) {
        Optional<Category> category = request.intents().category();
        String why = category.map(c -> "category " + c.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .orElse("no category");
        return of(category).decide(request, why);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CategoryPreferences
                && byCategory.equals(((CategoryPreferences) other).byCategory)
                && uncategorized == ((CategoryPreferences) other).uncategorized;
    }

    @Override
    public int hashCode() {
        return 31 * byCategory.hashCode() + uncategorized.hashCode();
    }

    @Override
    public String toString() {
        return byCategory + ", uncategorized=" + uncategorized;
    }
}
