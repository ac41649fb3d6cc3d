package org.socketintents.netmon.internal;

/** A configuration value that cannot be used. The message starts with the key, so that a log line points at it. */
final class InvalidSettingException extends Exception {

    private static final long serialVersionUID = 1L;

    /**
     * @param key     the configuration key
     * @param problem what is wrong with its value
     */
    InvalidSettingException(String key, String problem) {
        super(key + ": " + problem);
    }
}
