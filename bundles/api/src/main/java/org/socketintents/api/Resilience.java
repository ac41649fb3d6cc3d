package org.socketintents.api;

/** How the application copes with losing the connection (Table 1). */
public enum Resilience {
    /** Losing the connection hurts the user. */
    SENSITIVE,
    /** Loss can be handled but is unwelcome. */
    UNDESIRABLE,
    /** Loss is tolerable, e.g. a download that can be resumed. */
    RESILIENT
}
