package org.socketintents.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Records what a class logs. Outside OSGi, {@link System.Logger} writes to the java.util.logging logger of the same
 * name. Captures every level while open and restores the logger's level on close.
 */
public final class LogCapture implements AutoCloseable {

    private final Logger logger;
    private final Level previousLevel;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(Class<?> type) {
        logger = Logger.getLogger(type.getName());
        previousLevel = logger.getLevel();
        logger.setLevel(Level.ALL);
        handler.setLevel(Level.ALL);
        logger.addHandler(handler);
    }

    /**
     * @param type the class whose logger to record
     * @return the capture; close it to stop recording
     */
    public static LogCapture of(Class<?> type) {
        return new LogCapture(type);
    }

    /**
     * @param level a java.util.logging level (System.Logger's ERROR is SEVERE, WARNING is WARNING, INFO is INFO,
     *              DEBUG is FINE)
     * @return the messages logged at exactly that level, with their parameters filled in
     */
    public List<String> messages(Level level) {
        SimpleFormatter formatter = new SimpleFormatter();
        List<String> messages = new ArrayList<>();
        for (LogRecord record : records) {
            if (record.getLevel().equals(level)) {
                messages.add(formatter.formatMessage(record));
            }
        }
        return messages;
    }

    /**
     * @param level the lowest java.util.logging level wanted
     * @return the messages logged at that level or above, with their parameters filled in, each followed by the
     *         exception logged with it, if any
     */
    public List<String> atOrAbove(Level level) {
        SimpleFormatter formatter = new SimpleFormatter();
        List<String> messages = new ArrayList<>();
        for (LogRecord record : records) {
            if (record.getLevel().intValue() >= level.intValue()) {
                messages.add(formatter.formatMessage(record)
                        + (record.getThrown() == null ? "" : ": " + record.getThrown()));
            }
        }
        return messages;
    }

    /** @return the messages of {@link #atOrAbove(Level)} that contain {@code text} */
    public List<String> containing(Level level, String text) {
        return atOrAbove(level).stream().filter(message -> message.contains(text)).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(previousLevel);
    }
}
