package org.socketintents.itests.osgi;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.workingDirectory;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ops4j.pax.exam.Constants;
import org.ops4j.pax.exam.Option;
import org.socketintents.protocol.MamSocketPath;

/**
 * The framework every test class boots: the distribution's bundles, with the jars this build produced, minus
 * FileInstall (the tests configure through Configuration Admin themselves) and the console's terminal (they call
 * the commands through the CommandProcessor service). Runs on the host side, where the paths are known.
 */
final class TestRuntime {

    /** The Maven build passes each bundle's jar as a system property with this prefix and the artifactId. */
    private static final String BUNDLE_PROPERTY = "socketintents.itest.bundle.";
    /** Services, APIs and Declarative Services start first, so that our components find them. */
    private static final int INFRASTRUCTURE = 1;
    /** After Pax Exam's own bundles, before the test probe. */
    private static final int SOCKET_INTENTS = Constants.START_LEVEL_DEFAULT_PROVISION;

    private TestRuntime() {
    }

    static Option[] configuration() {
        return options(
                workingDirectory(required("socketintents.itest.work")),
                cleanCaches(),
                // The test JVM's class path holds copies of the OSGi and Socket Intents APIs; the bundles must
                // get them from the framework's wiring only.
                frameworkProperty("felix.bootdelegation.implicit").value("false"),
                // The MAM starts before any test configures it; this keeps it away from the system-wide socket.
                systemProperty(MamSocketPath.PROPERTY).value(throwawaySocket()),
                // dnsjava's shutdown hook would run after the framework has stopped and fail to load its classes.
                systemProperty("dnsjava.nio.register_shutdown_hook").value("false"),
                junitBundles(),
                // slf4j 2 (for dnsjava) finds its provider through the ServiceLoader mediator, SPI Fly.
                runtimeBundle("asm", INFRASTRUCTURE),
                runtimeBundle("asm-tree", INFRASTRUCTURE),
                runtimeBundle("asm-analysis", INFRASTRUCTURE),
                runtimeBundle("asm-commons", INFRASTRUCTURE),
                runtimeBundle("asm-util", INFRASTRUCTURE),
                runtimeBundle("org.apache.aries.spifly.dynamic.bundle", INFRASTRUCTURE),
                runtimeBundle("slf4j-api", INFRASTRUCTURE),
                runtimeBundle("slf4j-jdk14", INFRASTRUCTURE),
                runtimeBundle("dnsjava", INFRASTRUCTURE),
                runtimeBundle("org.osgi.util.function", INFRASTRUCTURE),
                runtimeBundle("org.osgi.util.promise", INFRASTRUCTURE),
                runtimeBundle("org.osgi.service.component", INFRASTRUCTURE),
                runtimeBundle("org.osgi.service.log", INFRASTRUCTURE),
                runtimeBundle("org.apache.felix.configadmin", INFRASTRUCTURE),
                runtimeBundle("org.apache.felix.metatype", INFRASTRUCTURE),
                runtimeBundle("org.apache.felix.scr", INFRASTRUCTURE),
                runtimeBundle("org.apache.felix.gogo.runtime", INFRASTRUCTURE),
                runtimeBundle("jna", INFRASTRUCTURE),
                runtimeBundle("org.socketintents.api", SOCKET_INTENTS),
                runtimeBundle("org.socketintents.protocol", SOCKET_INTENTS),
                runtimeBundle("org.socketintents.netmon", SOCKET_INTENTS),
                runtimeBundle("org.socketintents.policy.category", SOCKET_INTENTS),
                runtimeBundle("org.socketintents.policy.filesize", SOCKET_INTENTS),
                runtimeBundle("org.socketintents.policy.roundrobin", SOCKET_INTENTS),
                runtimeBundle("org.socketintents.policy.fixed", SOCKET_INTENTS),
                runtimeBundle("org.socketintents.policy.mptcp", SOCKET_INTENTS),
                runtimeBundle("org.socketintents.policy.earliestarrival", SOCKET_INTENTS),
                runtimeBundle("org.socketintents.nativemptcp", SOCKET_INTENTS),
                runtimeBundle("org.socketintents.stats", SOCKET_INTENTS),
                runtimeBundle("org.socketintents.resolver", SOCKET_INTENTS),
                runtimeBundle("org.socketintents.mam", SOCKET_INTENTS),
                runtimeBundle("org.socketintents.client", SOCKET_INTENTS));
    }

    /**
     * The runtime as an operator runs it: FileInstall watching a configuration folder, and Gogo's standard
     * commands (felix:install, felix:uninstall, ...) beside the mam: ones.
     *
     * @param conf the folder FileInstall watches
     */
    static Option[] withConfigurationFolderAndConsole(Path conf) {
        return options(
                composite(configuration()),
                frameworkProperty("felix.fileinstall.dir").value(conf.toString()),
                frameworkProperty("felix.fileinstall.poll").value("100"),
                frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
                // The tests write the files themselves; a late write-back of a console change would overwrite them.
                frameworkProperty("felix.fileinstall.enableConfigSave").value("false"),
                // As in the distribution: FileInstall reports a file it cannot read at WARNING, which its default
                // level (errors only) would drop.
                frameworkProperty("felix.fileinstall.log.level").value("2"),
                // Bundles installed later (felix:install) start at once, as in the distribution.
                frameworkProperty("felix.startlevel.bundle").value(Integer.toString(SOCKET_INTENTS)),
                runtimeBundle("org.apache.felix.fileinstall", INFRASTRUCTURE),
                runtimeBundle("org.apache.felix.gogo.command", INFRASTRUCTURE));
    }

    /** @return the file: URL of a bundle this build produced that the runtime does not install by itself */
    static String bundleUrl(String artifactId) {
        return new File(required(BUNDLE_PROPERTY + artifactId)).toURI().toString();
    }

    private static Option runtimeBundle(String artifactId, int startLevel) {
        File jar = new File(required(BUNDLE_PROPERTY + artifactId));
        return bundle(jar.toURI().toString()).startLevel(startLevel);
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + property + " is not set: run these tests through"
                    + " Maven (mvn verify), which passes the bundles' paths");
        }
        return value;
    }

    private static String throwawaySocket() {
        try {
            Path directory = Files.createTempDirectory("socket-intents-itest");
            directory.toFile().deleteOnExit();
            return directory.resolve("mam.sock").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
