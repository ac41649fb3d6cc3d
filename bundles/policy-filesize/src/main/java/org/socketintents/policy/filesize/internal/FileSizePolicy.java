package org.socketintents.policy.filesize.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.OptionalLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.socketintents.api.Intent;
import org.socketintents.api.policy.CategoryPreferences;
import org.socketintents.api.policy.Decision;
import org.socketintents.api.policy.DecisionRequest;
import org.socketintents.api.policy.InterfacePreference;
import org.socketintents.api.policy.Policy;

/**
 * The paper's Scenario 2 policy (section 4): a transfer whose file-size intent exceeds a threshold goes to the
 * highest-bandwidth interface, any other to the lowest-latency one, because small transfers are dominated by the
 * round-trip time and large ones by bandwidth. The file size wins over a contradicting category: it is the more
 * specific intent. Without a file size, the category decides as in the paper's category policy.
 */
@Component(configurationPid = FileSizePolicy.PID, property = Policy.NAME + "=filesize")
@Designate(ocd = FileSizePolicy.Config.class)
public final class FileSizePolicy implements Policy {

    static final String PID = "org.socketintents.policy.filesize";
    static final String DEFAULT_THRESHOLD = "1400k";
    private static final Logger LOG = System.getLogger(FileSizePolicy.class.getName());

    @ObjectClassDefinition(id = PID, name = "Socket Intents filesize policy",
            description = "Sends transfers whose filesize intent exceeds the threshold to the highest-bandwidth"
                    + " interface and the others to the lowest-latency one; without a filesize intent, decides by"
                    + " category like the category policy. Interface figures come from the per-interface"
                    + " configuration.")
    public @interface Config {
        @AttributeDefinition(name = "Threshold",
                description = "File size in bytes above which a transfer goes to the highest-bandwidth interface;"
                        + " optional suffix k, M or G (powers of 1000). The paper measured 1400k for i1 (10 ms,"
                        + " 6 Mbit/s) against i2 (70 ms, 12 Mbit/s), and 100k once i1 was slowed to 2 Mbit/s (i1').")
        String threshold() default DEFAULT_THRESHOLD;
    }

    private volatile long threshold = Intent.FILE_SIZE.parse(DEFAULT_THRESHOLD);

    @Activate
    void activate(Config config) {
        modified(config);
    }

    /** A threshold that does not parse keeps the previous one (at activation, the default) and is logged. */
    @Modified
    void modified(Config config) {
        try {
            threshold = Intent.FILE_SIZE.parse(config.threshold());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.ERROR, "Configuration " + PID + ": threshold = " + e.getMessage() + "; keeping "
                    + threshold);
        }
    }

    @Override
    public Decision decide(DecisionRequest request) {
        OptionalLong fileSize = request.intents().fileSize();
        if (fileSize.isEmpty()) {
            Decision byCategory = CategoryPreferences.PAPER.decide(request);
            return byCategory.toBuilder().reason("no filesize, " + byCategory.reason()).build();
        }
        long size = fileSize.getAsLong();
        long limit = threshold;
        return size > limit
                ? InterfacePreference.HIGHEST_BANDWIDTH.decide(request, "filesize " + size + " > threshold " + limit)
                : InterfacePreference.LOWEST_RTT.decide(request, "filesize " + size + " <= threshold " + limit);
    }
}
