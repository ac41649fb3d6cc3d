package org.socketintents.mam.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * User and group names and their numeric ids, from the local account files. Java has no API from a name to its
 * id, and peer credentials are numeric; accounts known only to a directory service (NSS beyond files) must be
 * configured by number.
 */
final class Accounts {

    private final Map<String, Long> users;
    private final Map<String, Long> groups;

    Accounts(Map<String, Long> users, Map<String, Long> groups) {
        this.users = Map.copyOf(users);
        this.groups = Map.copyOf(groups);
    }

    /** @return the accounts of /etc/passwd and /etc/group; none of a file that cannot be read */
    static Accounts local() {
        return new Accounts(ids(Path.of("/etc/passwd")), ids(Path.of("/etc/group")));
    }

    /** @return the user's id: the number itself, or the id of the named user */
    OptionalLong user(String nameOrId) {
        return lookup(users, nameOrId);
    }

    /** @return the group's id: the number itself, or the id of the named group */
    OptionalLong group(String nameOrId) {
        return lookup(groups, nameOrId);
    }

    private static OptionalLong lookup(Map<String, Long> ids, String nameOrId) {
        String trimmed = nameOrId.trim();
        if (trimmed.matches("[0-9]{1,10}")) {
            return OptionalLong.of(Long.parseLong(trimmed));
        }
        Long id = ids.get(trimmed);
        return id == null ? OptionalLong.empty() : OptionalLong.of(id);
    }

    /** Both files have the name in their first colon-separated field and the id in their third. */
    private static Map<String, Long> ids(Path file) {
        Map<String, Long> ids = new HashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.split(":", -1);
                if (fields.length > 2 && fields[2].matches("[0-9]{1,10}")) {
                    ids.putIfAbsent(fields[0], Long.parseLong(fields[2]));
                }
            }
        } catch (IOException e) {
            System.getLogger(Accounts.class.getName()).log(System.Logger.Level.WARNING,
                    "Cannot read " + file + ", only numeric ids can be configured: " + e);
        }
        return ids;
    }
}
