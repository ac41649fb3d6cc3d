package org.socketintents.netmon.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Records what a class logs. Outside OSGi, {@link System.Logger} writes to the java.util.logging logger of the
 * same name.
 */
final class LogCapture implements AutoCloseable {

    private final Logger logger;
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
        logger.addHandler(handler);
    }

    static LogCapture of(Class<?> type) {
        return new LogCapture(type);
    }

    /** @return the formatted messages logged at exactly {@code level} */
    List<String> messages(Level level) {
        SimpleFormatter formatter = new SimpleFormatter();
        List<String> messages = new ArrayList<>();
        for (LogRecord record : records) {
            if (record.getLevel().equals(level)) {
                messages.add(formatter.formatMessage(record));
            }
        }
        return messages;
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
