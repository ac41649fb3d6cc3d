package org.socketintents.policy.earliestarrival.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.StringJoiner;
import java.util.concurrent.atomic.AtomicReference;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.socketintents.api.net.InterfaceDescription;
import org.socketintents.api.policy.CategoryPreferences;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.DecisionRequest;
import org.socketintents.api.policy.Policy;
import org.socketintents.api.stats.InterfaceStatistics;
import org.socketintents.api.stats.StatisticsSnapshot;

/**
 * Earliest arrival: predicts, for a download of the file-size intent's size, when its last byte would arrive over
 * each usable interface, and picks the earliest. Figures are the interfaces' measured ones where the statistics
 * collector has fresh ones, configured ones otherwise. Without a file size the category decides, as in the paper's
 * category policy.
 */
@Component(configurationPid = EarliestArrivalPolicy.PID, property = Policy.NAME + "=" + EarliestArrivalPolicy.NAME)
@Designate(ocd = EarliestArrivalPolicy.Config.class)
public final class EarliestArrivalPolicy implements Policy {

    static final String PID = "org.socketintents.policy.earliestarrival";
    static final String NAME = "earliest-arrival";

    @ObjectClassDefinition(id = PID, name = "Socket Intents earliest-arrival policy",
            description = "Predicts each interface's completion time for the filesize intent (connection setup, TCP"
                    + " slow start, free capacity) and picks the earliest; without a filesize, decides by category."
                    + " Uses measured figures from the statistics collector when fresh, configured ones otherwise.")
    public @interface Config {

        @AttributeDefinition(name = "Initial window (segments)", min = "1",
                max = "" + ModelSettings.MAX_INITIAL_WINDOW_SEGMENTS,
                description = "TCP's initial congestion window in segments (RFC 6928: 10).")
        int initial_window_segments() default ModelSettings.DEFAULT_INITIAL_WINDOW_SEGMENTS;

        @AttributeDefinition(name = "MSS (bytes)", min = "" + ModelSettings.MIN_MSS_BYTES,
                max = "" + ModelSettings.MAX_MSS_BYTES,
                description = "Payload bytes per segment: 1448 on a 1500-byte MTU with TCP timestamps.")
        int mss_bytes() default ModelSettings.DEFAULT_MSS_BYTES;

        @AttributeDefinition(name = "TLS ports",
                description = "Destination ports on which a TLS handshake follows TCP's (several per entry separated"
                        + " by commas).")
        String[] tls_ports() default {"443", "853", "993", "995"};

        @AttributeDefinition(name = "TLS round trips", min = "0", max = "" + ModelSettings.MAX_TLS_ROUND_TRIPS,
                description = "Round trips of the TLS handshake: 1 for TLS 1.3, 2 for TLS 1.2.")
        int tls_round_trips() default ModelSettings.DEFAULT_TLS_ROUND_TRIPS;

        @AttributeDefinition(name = "Use measured figures",
                description = "Whether fresh measurements (RTT, capacity, load) override the configured figures.")
        boolean use_measured() default true;
    }

    private record Prediction(String interfaceName, double seconds) {
    }

    private final AtomicReference<InterfaceStatistics> statistics = new AtomicReference<>();
    private volatile ModelSettings settings = ModelSettings.DEFAULTS;

    @Activate
    void activate(Config config) {
        settings = ModelSettings.read(config, ModelSettings.DEFAULTS);
    }

    @Modified
    void modified(Config config) {
        settings = ModelSettings.read(config, settings);
    }

    /** Without the statistics collector, the configured figures alone decide. */
    @Reference(name = "statistics", cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetStatistics")
    void setStatistics(InterfaceStatistics service) {
        statistics.set(service);
    }

    void unsetStatistics(InterfaceStatistics service) {
        statistics.compareAndSet(service, null);
    }

    @Override
    public Decision decide(DecisionRequest request) {
        Optional<Decision> bound = Decision.keepingBoundSource(request, NAME);
        if (bound.isPresent()) {
            return bound.get();
        }
        OptionalLong fileSize = request.intents().fileSize();
        if (fileSize.isEmpty()) {
            return byCategory(request, "no filesize");
        }
        ModelSettings current = settings;
        long bytes = fileSize.getAsLong();
        int setupRoundTrips = current.setup().roundTrips(request.port());
        StatisticsSnapshot snapshot = current.useMeasured() ? measurements() : StatisticsSnapshot.empty();

        List<Prediction> predictions = new ArrayList<>();
        StringJoiner reason = new StringJoiner(", ", "filesize " + bytes
                + (setupRoundTrips > 1 ? " + TLS " + (setupRoundTrips - 1) + " RTT" : "") + ": ", "");
        for (InterfaceDescription candidate : request.interfaces().sourceCandidates()) {
            Optional<PathEstimate> path = PathEstimate.of(snapshot.effective(candidate));
            if (path.isPresent()) {
                Prediction prediction = new Prediction(candidate.name(),
                        current.model().completionSeconds(bytes, path.get(), setupRoundTrips));
                predictions.add(prediction);
                reason.add(String.format(Locale.ROOT, "%s %.3f s", prediction.interfaceName(), prediction.seconds()));
            } else {
                reason.add(candidate.name() + " no RTT/bandwidth");
            }
        }
        if (predictions.isEmpty()) {
            return byCategory(request, reason + " -> no prediction");
        }
        Prediction earliest = predictions.get(0);
        for (Prediction prediction : predictions) {
            if (prediction.seconds() < earliest.seconds()) {
                earliest = prediction;
            }
        }
        return Decision.builder().sourceInterface(earliest.interfaceName())
                .reason(reason + " -> " + earliest.interfaceName()).build();
    }

    private StatisticsSnapshot measurements() {
        InterfaceStatistics service = statistics.get();
        return service == null ? StatisticsSnapshot.empty() : service.snapshot();
    }

    private static Decision byCategory(DecisionRequest request, String why) {
        Decision decision = CategoryPreferences.PAPER.decide(request);
        return decision.toBuilder().reason(why + ", " + decision.reason()).build();
    }
}
