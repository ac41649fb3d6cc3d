package org.socketintents.lab.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where the programs under test are: siget and the MAM runtime, as the project's build leaves them. */
public record Tools(Path siget, Path mam) {

    /** LAB_SIGET and LAB_MAM name the launchers; by default the build outputs next to the lab module. */
    public static Tools locate(Map<String, String> environment) throws IOException {
        Path project = Path.of(environment.getOrDefault("LAB_HOME", "lab")).toAbsolutePath().getParent();
        Path siget = Path.of(environment.getOrDefault("LAB_SIGET",
                project.resolve("apps/siget/target/siget/bin/siget").toString()));
        Path mam = Path.of(environment.getOrDefault("LAB_MAM",
                project.resolve("distribution/target/socket-intents/bin/socket-intents").toString()));
        for (Path launcher : new Path[] {siget, mam}) {
            if (!Files.isExecutable(launcher)) {
                throw new IOException(launcher + " not found; build it (cd " + project
                        + " && mvn -B -q install -DskipTests) or name it in LAB_SIGET / LAB_MAM");
            }
        }
        return new Tools(siget, mam);
    }
}
