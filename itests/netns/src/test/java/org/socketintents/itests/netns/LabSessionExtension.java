package org.socketintents.itests.netns;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Opens a {@link LabSession} named after the test class before its {@code @BeforeAll} methods and closes it, with
 * everything it owns, after its tests: {@code @RegisterExtension static final LabSessionExtension LAB = ...}.
 */
final class LabSessionExtension implements BeforeAllCallback, AfterAllCallback {

    private LabSession session;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        session = LabSession.open(context.getRequiredTestClass().getSimpleName());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    /** @return the open session */
    LabSession session() {
        if (session == null) {
            throw new IllegalStateException("no lab session: the test class has not started or has ended");
        }
        return session;
    }
}
