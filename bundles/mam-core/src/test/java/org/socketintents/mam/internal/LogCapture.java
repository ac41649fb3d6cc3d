package org.socketintents.mam.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what one class logs at a level or above while it is open (levels the logger lets through: INFO and
 * above unless configured otherwise). The MAM logs through System.Logger, which the JDK's default LoggerFinder
 * hands to java.util.logging under the class's name.
 */
final class LogCapture extends Handler implements AutoCloseable {

    private final Logger logger;
    private final Level threshold;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    private LogCapture(Logger logger, Level threshold) {
        this.logger = logger;
        this.threshold = threshold;
    }

    /**
     * @param source    the class whose log to capture
     * @param threshold the lowest level captured
     */
    static LogCapture of(Class<?> source, Level threshold) {
        Logger logger = Logger.getLogger(source.getName());
        LogCapture capture = new LogCapture(logger, threshold);
        logger.addHandler(capture);
        return capture;
    }

    /** @return the messages so far, each with its exception if one was logged */
    List<String> messages() {
        return List.copyOf(messages);
    }

    /** @return the messages so far that contain {@code text} */
    List<String> containing(String text) {
        return messages.stream().filter(m -> m.contains(text)).toList();
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= threshold.intValue()) {
            messages.add(record.getMessage() + (record.getThrown() == null ? "" : ": " + record.getThrown()));
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        logger.removeHandler(this);
    }
}
