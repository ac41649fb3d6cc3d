package org.socketintents.mam.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.socketintents.api.net.InterfaceListener;
import org.socketintents.api.net.Interfaces;
import org.socketintents.api.policy.Decision;
import org.socketintents.protocol.DecisionOutcome;
import org.socketintents.protocol.DecisionReuse;
import org.socketintents.protocol.MamSocketPath;

/**
 * The MAM's decision epoch: a number that changes whenever a decision the MAM gave may no longer be what it would
 * give now, because the active policy, a policy's configuration or the interfaces changed. Clients reuse a
 * {@linkplain Decision#reusable() reusable} decision only while the epoch it was made in is still the one
 * published beside the socket, and for {@code decision.reuse.ms} at most, which bounds the reuse even when the
 * MAM cannot tell (it was killed, or the interfaces changed while it was down).
 *
 * <p>Each MAM starts at a random epoch, so that no decision of an earlier MAM matches a later one's epoch. The
 * counter advances after a change has taken effect; a decision is tagged with the epoch read before it began, so
 * one that raced a change is tagged with the earlier epoch and not reused.
 */
@Component(service = {DecisionEpoch.class, InterfaceListener.class}, configurationPid = MamConfig.PID)
public final class DecisionEpoch implements InterfaceListener {

    private static final Logger LOG = System.getLogger(DecisionEpoch.class.getName());

    private final AtomicLong epoch = new AtomicLong(new SecureRandom().nextLong());
    private final Accounts accounts;
    private volatile long reuseMillis = MamConfig.DEFAULT_DECISION_REUSE_MS;
    private MamSettings settings = MamSettings.DEFAULTS;
    /** Written under this object's lock; read without it on every decision. */
    private volatile EpochFile file;
    private SocketFile.Access access;

    public DecisionEpoch() {
        this(Accounts.local());
    }

    DecisionEpoch(Accounts accounts) {
        this.accounts = accounts;
    }

    @Activate
    synchronized void activate(MamConfig config) {
        modified(config);
    }

    @Modified
    synchronized void modified(MamConfig config) {
        settings = MamSettings.of(config, settings, accounts);
        reuseMillis = settings.decisionReuseMillis();
        Path wanted = MamSocketPath.epochFile(settings.socketPath());
        SocketFile.Access wantedAccess = SocketFile.Access.of(settings);
        if (file == null || !file.path().equals(wanted) || !wantedAccess.equals(access)) {
            publishAt(wanted, wantedAccess);
        }
    }

    /** Moves on, so that no client reuses a decision of this MAM once it is gone. */
    @Deactivate
    synchronized void deactivate() {
        advance("the MAM stopped");
        closeFile();
    }

    @Override
    public void interfacesChanged(Interfaces current) {
        advance("interfaces changed (generation " + current.generation() + ")");
    }

    /** @return the epoch now; read it before deciding, and tag the decision with it */
    public long current() {
        return epoch.get();
    }

    /**
     * @param why what changed, for the debug log
     */
    public void advance(String why) {
        long next = epoch.incrementAndGet();
        synchronized (this) {
            if (file != null) {
                file.write(epoch.get()); // the latest: advances racing for the lock may arrive out of order
            }
        }
        LOG.log(Level.DEBUG, () -> "Decision epoch " + next + ": " + why);
    }

    /**
     * @param startedIn the epoch read before the decision began
     * @param decision  the decision
     * @param outcome   how it came about
     * @return whether and how long clients may reuse it: only a reusable decision of the policy itself, and only
     *         while the epoch is published
     */
    DecisionReuse reuseOf(long startedIn, Decision decision, DecisionOutcome outcome) {
        long millis = reuseMillis;
        if (!decision.reusable() || outcome != DecisionOutcome.POLICY || millis == 0 || !isPublished()) {
            return DecisionReuse.NONE;
        }
        return new DecisionReuse(startedIn, millis);
    }

    boolean isPublished() {
        return file != null;
    }

    private void publishAt(Path path, SocketFile.Access wanted) {
        closeFile();
        access = wanted;
        try {
            file = EpochFile.open(path, wanted);
            file.write(epoch.get());
            LOG.log(Level.DEBUG, () -> "Decision epoch published at " + path);
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot publish the decision epoch at " + path + " (" + e
                    + "); clients ask the MAM for every connection");
        }
    }

    private void closeFile() {
        if (file == null) {
            return;
        }
        try {
            file.close();
        } catch (IOException e) {
            LOG.log(Level.DEBUG, () -> "Closing " + file.path() + ": " + e);
        }
        file = null;
    }
}
