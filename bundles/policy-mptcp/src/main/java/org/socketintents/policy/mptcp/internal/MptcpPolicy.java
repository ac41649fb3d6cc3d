package org.socketintents.policy.mptcp.internal;

import java.util.Optional;
import java.util.OptionalLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.socketintents.api.Category;
import org.socketintents.api.Intents;
import org.socketintents.api.policy.CategoryPreferences;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.DecisionRequest;
import org.socketintents.api.policy.Policy;
import org.socketintents.api.policy.Transport;

/**
 * Suggests MPTCP (section 2.3 of the paper: policies may use several paths at once) for the connections that gain
 * from it, bulk transfers and long streams, when the host supports it. Their initial subflow starts on the
 * lowest-latency interface by default, like the authors' "mptcp simple" policy. Everything else is single-path TCP
 * and follows the paper's category policy; so do multipath-worthy connections when MPTCP is not available.
 */
@Component(configurationPid = MptcpPolicy.PID, property = Policy.NAME + "=mptcp")
@Designate(ocd = MptcpPolicy.Config.class)
public final class MptcpPolicy implements Policy {

    static final String PID = "org.socketintents.policy.mptcp";
    static final String DEFAULT_MIN_FILE_SIZE = "1M";
    static final String DEFAULT_MIN_STREAM_SECONDS = "60";
    static final String DEFAULT_PRIMARY = "latency";
    static final String DEFAULT_AVAILABLE = "auto";

    @ObjectClassDefinition(id = PID, name = "Socket Intents MPTCP policy",
            description = "Suggests MPTCP for bulk transfers and long streams when the host supports it; other"
                    + " connections use single-path TCP and are placed by category like the category policy.")
    public @interface Config {
        @AttributeDefinition(name = "Minimum file size",
                description = "Filesize intent in bytes from which a transfer gets MPTCP, whatever its category;"
                        + " optional suffix k, M or G (powers of 1000). Category bulk transfer always qualifies.")
        String min_file_size() default DEFAULT_MIN_FILE_SIZE;

        @AttributeDefinition(name = "Minimum stream duration (s)",
                description = "Duration intent in seconds from which a connection of category stream gets MPTCP.")
        String min_stream_duration_s() default DEFAULT_MIN_STREAM_SECONDS;

        @AttributeDefinition(name = "Initial subflow",
                description = "Interface preference for the first subflow of an MPTCP connection: latency (the"
                        + " authors' \"mptcp simple\"), bandwidth, cost or none (OS default).")
        String primary() default DEFAULT_PRIMARY;

        @AttributeDefinition(name = "MPTCP available",
                description = "auto: MPTCP when /proc/sys/net/mptcp/enabled is 1 (checked at most every 5 s);"
                        + " true: always suggest it; false: never.")
        String mptcp_available() default DEFAULT_AVAILABLE;
    }

    private final MptcpSupport host;
    private volatile MptcpSettings settings = MptcpSettings.DEFAULTS;

    /** For Declarative Services: asks the running kernel. */
    public MptcpPolicy() {
        this(new HostMptcpSupport());
    }

    /** @param host what {@code mptcp.available = auto} asks */
    MptcpPolicy(MptcpSupport host) {
        this.host = host;
    }

    @Activate
    void activate(Config config) {
        settings = MptcpSettings.DEFAULTS.with(config);
    }

    @Modified
    void modified(Config config) {
        settings = settings.with(config);
    }

    @Override
    public Decision decide(DecisionRequest request) {
        MptcpSettings current = settings;
        Optional<String> multipathWorthy = multipathWorthy(request.intents(), current);
        if (multipathWorthy.isEmpty()) {
            Decision byCategory = CategoryPreferences.PAPER.decide(request);
            return byCategory.toBuilder().reason(byCategory.reason() + "; single-path TCP").build();
        }
        Optional<String> unavailable = unavailable(current.availability());
        if (unavailable.isPresent()) {
            return CategoryPreferences.PAPER.of(request.intents().category()).decide(request,
                    multipathWorthy.get() + " -> single-path TCP: " + unavailable.get() + "; source");
        }
        return current.primary().decide(request, multipathWorthy.get() + " -> MPTCP, initial subflow").toBuilder()
                .transport(Transport.MPTCP).build();
    }

    /** @return why the connection would gain from several paths, or empty when it would not */
    private static Optional<String> multipathWorthy(Intents intents, MptcpSettings settings) {
        Optional<Category> category = intents.category();
        if (category.equals(Optional.of(Category.BULK_TRANSFER))) {
            return Optional.of("category bulk transfer");
        }
        OptionalLong size = intents.fileSize();
        if (size.isPresent() && size.getAsLong() >= settings.minFileSize()) {
            return Optional.of("filesize " + size.getAsLong() + " >= min.file.size " + settings.minFileSize());
        }
        OptionalLong duration = intents.duration();
        if (category.equals(Optional.of(Category.STREAM)) && duration.isPresent()
                && duration.getAsLong() >= settings.minStreamSeconds()) {
            return Optional.of("stream of " + duration.getAsLong() + " s >= min.stream.duration.s "
                    + settings.minStreamSeconds());
        }
        return Optional.empty();
    }

    /** @return why MPTCP cannot be suggested now, or empty when it can */
    private Optional<String> unavailable(MptcpSettings.Availability availability) {
        switch (availability) {
            case TRUE:
                return Optional.empty();
            case FALSE:
                return Optional.of("MPTCP switched off by configuration");
            default:
                return host.isAvailable() ? Optional.empty() : Optional.of("MPTCP not available on this host");
        }
    }
}
