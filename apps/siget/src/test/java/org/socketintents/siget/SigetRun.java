package org.socketintents.siget;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One run of siget in this JVM, without a terminal, its output captured.
 *
 * @param exit   the exit status
 * @param stdout what it wrote to standard output
 * @param stderr what it wrote to standard error
 */
record SigetRun(int exit, byte[] stdout, String stderr) {

    /** Runs siget with a test's fixed arguments followed by more. */
    static SigetRun of(List<?> fixed, Object... more) {
        List<Object> args = new ArrayList<>(fixed);
        args.addAll(Arrays.asList(more));
        return of(args.toArray());
    }

    static SigetRun of(Object... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] arguments = Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
        int exit = Siget.run(arguments, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new SigetRun(exit, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
    }

    List<String> stderrLines() {
        return stderr.lines().collect(Collectors.toList());
    }
}
