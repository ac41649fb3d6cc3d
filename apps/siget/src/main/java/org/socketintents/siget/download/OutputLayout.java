package org.socketintents.siget.download;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Where the objects of a run are saved. Implementations are thread-safe. */
public interface OutputLayout {

    /**
     * @param url an object's URL
     * @return where to save it
     */
    Output outputFor(URI url);

    /**
     * wget's {@code -O}: one given file, or standard output for "-".
     *
     * @param file the file, or "-"
     * @return the layout
     */
    static OutputLayout single(String file) {
        Output output = file.equals("-") ? Output.STDOUT : Output.file(Path.of(file));
        return url -> output;
    }

    /**
     * wget's default: the URL's file name in the directory; a name already taken gets ".1", ".2", ... appended.
     *
     * @param directory the directory prefix
     * @return the layout
     */
    static OutputLayout flat(Path directory) {
        Set<Path> taken = new HashSet<>();
        return url -> {
            Path base = directory.resolve(UrlPath.fileName(url));
            synchronized (taken) {
                Path candidate = base;
                for (int n = 1; taken.contains(candidate) || Files.exists(candidate); n++) {
                    candidate = base.resolveSibling(base.getFileName() + "." + n);
                }
                taken.add(candidate);
                return Output.file(candidate);
            }
        };
    }

    /**
     * wget's layout with {@code -p}: the directory, then the host (and port when not the scheme's), then the
     * URL's path. Files there are replaced, as wget replaces them when fetching page requisites.
     *
     * @param directory the directory prefix
     * @return the layout
     */
    static OutputLayout mirror(Path directory) {
        return url -> {
            int defaultPort = "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
            boolean portShown = url.getPort() >= 0 && url.getPort() != defaultPort;
            Path path = directory.resolve(portShown ? url.getHost() + ":" + url.getPort() : url.getHost());
            for (String segment : UrlPath.directories(url)) {
                path = path.resolve(segment);
            }
            return Output.file(path.resolve(UrlPath.fileName(url)));
        };
    }
}
