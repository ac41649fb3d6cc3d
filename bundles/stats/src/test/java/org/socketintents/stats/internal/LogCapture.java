package org.socketintents.stats.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Records what a class logs. Outside OSGi, {@link System.Logger} writes to the java.util.logging logger of the same
 * name.
 */
final class LogCapture implements AutoCloseable {

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

    static LogCapture of(Class<?> type) {
        return new LogCapture(type);
    }

    /** @return the messages logged at exactly {@code level} */
    List<String> messages(Level level) {
        List<String> messages = new ArrayList<>();
        for (LogRecord record : records) {
            if (record.getLevel().equals(level)) {
                messages.add(record.getMessage());
            }
        }
        return messages;
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
        logger.setLevel(previousLevel);
    }
}
