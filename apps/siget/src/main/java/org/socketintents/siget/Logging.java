package org.socketintents.siget;

import java.io.PrintStream;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * java.util.logging for a command-line tool: silent unless debugging. The client library logs through
 * System.Logger and HttpClient through slf4j, both ending here; siget reports what matters itself, in one line
 * each, so their messages would only repeat it in another format.
 */
final class Logging {

    // Held strongly: the log manager keeps loggers only weakly, and with them their levels.
    private static final Logger ROOT = Logger.getLogger("");
    private static final Logger SOCKET_INTENTS = Logger.getLogger("org.socketintents");
    private static final Logger HTTP_CLIENT = Logger.getLogger("org.apache.hc.client5");
    private static final Logger WIRE = Logger.getLogger("org.apache.hc.client5.http.wire");

    private Logging() {
    }

    /**
     * @param debug whether to log the debug messages of siget's libraries (the JDK's stay at INFO)
     * @param err   where they go
     */
    static void configure(boolean debug, PrintStream err) {
        for (Handler handler : ROOT.getHandlers()) {
            ROOT.removeHandler(handler);
        }
        if (!debug) {
            ROOT.setLevel(Level.OFF);
            return;
        }
        Handler handler = new StreamHandler(err, new OneLine()) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        };
        handler.setLevel(Level.ALL);
        ROOT.addHandler(handler);
        ROOT.setLevel(Level.INFO);
        SOCKET_INTENTS.setLevel(Level.FINE);
        HTTP_CLIENT.setLevel(Level.FINE);
        WIRE.setLevel(Level.INFO); // every byte on the wire is more than debugging a download needs
    }

    /** {@code siget: debug: <logger>: <message>}, one line, with the exception's summary if there is one. */
    private static final class OneLine extends Formatter {
        @Override
        public String format(LogRecord record) {
            String thrown = record.getThrown() == null ? "" : " (" + record.getThrown() + ")";
            return "siget: " + record.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + ": "
                    + record.getLoggerName() + ": " + formatMessage(record) + thrown + System.lineSeparator();
        }
    }
}
