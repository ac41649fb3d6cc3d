package org.socketintents.itests.netns;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Command lines that run a class of these tests in a new JVM, with the class path the tests run with. */
final class JavaCommand {

    private JavaCommand() {
    }

    /**
     * @param main       the class whose main method to run
     * @param jvmOptions options for the JVM, such as system properties
     * @param args       the program's arguments
     */
    static List<String> of(Class<?> main, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(testClassPath());
        command.addAll(jvmOptions);
        command.add(main.getName());
        command.addAll(args);
        return command;
    }

    /** Surefire and failsafe may start the test JVM through a manifest-only jar; this is the real class path. */
    private static String testClassPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }
}
