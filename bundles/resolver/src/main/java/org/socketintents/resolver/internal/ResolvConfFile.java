package org.socketintents.resolver.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * The host's resolv.conf, read again whenever its modification time or size changes (DHCP clients and VPNs rewrite
 * it at run time). A missing or unreadable file means no servers and no search list.
 */
final class ResolvConfFile {

    private static final Logger LOG = System.getLogger(ResolvConfFile.class.getName());

    private final Path path;
    private FileTime readModified;
    private long readSize = -1;
    private ResolvConf current = ResolvConf.EMPTY;
    private String lastProblem;

    ResolvConfFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** @return the file's content as of now */
    synchronized ResolvConf current() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (!attributes.lastModifiedTime().equals(readModified) || attributes.size() != readSize) {
                current = ResolvConf.parse(Files.readAllLines(path, StandardCharsets.UTF_8), path.toString());
                readModified = attributes.lastModifiedTime();
                readSize = attributes.size();
                lastProblem = null;
            }
        } catch (IOException e) {
            String problem = e instanceof NoSuchFileException ? "does not exist" : "cannot be read: " + e;
            if (!problem.equals(lastProblem)) {
                LOG.log(Level.WARNING, path + " " + problem + "; interfaces without a dns key have no DNS server"
                        + " and names are not completed with a search list");
                lastProblem = problem;
            }
            current = ResolvConf.EMPTY;
            readModified = null;
            readSize = -1;
        }
        return current;
    }
}
