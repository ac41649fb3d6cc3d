package org.socketintents.itests.osgi;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Collects what one java.util.logging logger receives at a level or above while it is open. The Socket Intents
 * bundles log through System.Logger, which the JDK hands to java.util.logging under the class's name; FileInstall
 * logs to the logger "fileinstall" when felix.fileinstall.log.default is "jul".
 */
final class LogRecords extends Handler implements AutoCloseable {

    private final Logger logger;
    private final Level threshold;
    private final List<String> messages = new CopyOnWriteArrayList<>();

    private LogRecords(Logger logger, Level threshold) {
        this.logger = logger;
        this.threshold = threshold;
    }

    /**
     * @param loggerName the logger, e.g. a class name
     * @param threshold  the lowest level collected; the logger must let it through (INFO and above do)
     */
    static LogRecords of(String loggerName, Level threshold) {
        LogRecords records = new LogRecords(Logger.getLogger(loggerName), threshold);
        records.logger.addHandler(records);
        return records;
    }

    /** @return the messages so far, each followed by its exception if one was logged */
    List<String> messages() {
        return List.copyOf(messages);
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
