package org.socketintents.netmon.internal;

import static java.lang.System.Logger.Level.ERROR;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.socketintents.api.net.InterfaceListener;
import org.socketintents.api.net.Interfaces;

/**
 * The {@link InterfaceListener} whiteboard: tells every listener about each new generation once, and keeps a
 * failing listener from affecting the others or the monitor. Listeners registered later hear from the next change
 * on; the current snapshot is always available from the monitor.
 */
final class InterfaceListeners {

    private static final System.Logger LOG = System.getLogger(InterfaceListeners.class.getName());

    private final List<InterfaceListener> listeners = new CopyOnWriteArrayList<>();
    /** Only the announcing thread reads and writes it. */
    private long announcedGeneration;

    void add(InterfaceListener listener) {
        listeners.add(listener);
    }

    void remove(InterfaceListener listener) {
        listeners.remove(listener);
    }

    /**
     * @param snapshot the current snapshot; nothing happens unless it is newer than the last one announced
     */
    void announce(Interfaces snapshot) {
        if (snapshot.generation() <= announcedGeneration) {
            return;
        }
        announcedGeneration = snapshot.generation();
        for (InterfaceListener listener : listeners) {
            try {
                listener.interfacesChanged(snapshot);
            } catch (Throwable t) {
                // Listeners come from other bundles; whatever one throws must not silence the rest or the monitor.
                LOG.log(ERROR, () -> "Interface listener " + listener.getClass().getName() + " failed on generation "
                        + snapshot.generation(), t);
            }
        }
    }
}
