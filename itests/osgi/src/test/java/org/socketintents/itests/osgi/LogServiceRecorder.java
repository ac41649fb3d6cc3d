package org.socketintents.itests.osgi;

import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.log.LogService;

/**
 * Stands in as the framework's LogService, ranked above any other, and records the warnings and errors given to
 * it through {@code log(level, message[, exception])}, the calls of bundles that log the OSGi way (FileInstall).
 * Every other method answers null: nothing here asks for loggers.
 */
final class LogServiceRecorder implements AutoCloseable {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final ServiceRegistration<LogService> registration;

    LogServiceRecorder(BundleContext context) {
        LogService recorder = (LogService) Proxy.newProxyInstance(LogService.class.getClassLoader(),
                new Class<?>[] {LogService.class}, (proxy, method, args) -> record(method, args));
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE);
        registration = context.registerService(LogService.class, recorder, properties);
    }

    /** @return the warnings and errors so far, each followed by its exception if one was logged */
    List<String> messages() {
        return List.copyOf(messages);
    }

    @SuppressWarnings("deprecation") // LOG_WARNING: the levels of the log(int, ...) methods FileInstall calls
    private Object record(Method method, Object[] args) {
        if (method.getName().equals("log") && args[0] instanceof Integer
                && (Integer) args[0] <= LogService.LOG_WARNING) {
            String message = (String) args[1];
            Object thrown = args.length > 2 ? args[2] : null;
            messages.add(message + (thrown == null ? "" : ": " + thrown));
        }
        return null;
    }

    @Override
    public void close() {
        registration.unregister();
    }
}
