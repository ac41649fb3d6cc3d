package org.socketintents.mam.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the Multi Access Manager, PID {@value #PID}. */
@ObjectClassDefinition(id = MamConfig.PID, name = "Socket Intents Multi Access Manager",
        description = "The MAM's Unix socket, its limits, and which policy decides.")
public @interface MamConfig {

    String PID = "org.socketintents.mam";
    /** Default of {@link #decision_reuse_ms()}. */
    int DEFAULT_DECISION_REUSE_MS = 60_000;
    /** Default of {@link #read_spin_us()}. */
    int DEFAULT_READ_SPIN_US = 20;

    @AttributeDefinition(name = "Socket path", required = false,
            description = "Unix socket the MAM listens on. Empty: /run/socket-intents/mam.sock when /run is writable,"
                    + " else <tmpdir>/socket-intents-<user>/mam.sock (or the socketintents.socket system property).")
    String socket_path() default "";

    @AttributeDefinition(name = "Socket mode", description = "Permissions of the socket file, octal.")
    String socket_mode() default "0660";

    @AttributeDefinition(name = "Active policy", description = "policy.name of the Policy service that decides.")
    String policy() default "category";

    @AttributeDefinition(name = "Policy budget (ms)", min = "1", max = "10000",
            description = "Longest a policy may take for one decision before the OS default is answered.")
    int policy_budget_ms() default 50;

    @AttributeDefinition(name = "Maximum frame size (bytes)", min = "256", max = "1048576",
            description = "Longest request frame accepted; longer ones are answered MESSAGE_TOO_LARGE.")
    int max_frame_bytes() default 16384;

    @AttributeDefinition(name = "Maximum clients", min = "1", max = "65536",
            description = "Most client connections served at once; more are answered OVERLOADED and closed.")
    int max_clients() default 1024;

    @AttributeDefinition(name = "Idle timeout (s)", min = "1", max = "86400",
            description = "A connection that sends nothing for this long between requests is closed.")
    int idle_timeout_s() default 300;

    @AttributeDefinition(name = "Frame timeout (ms)", min = "100", max = "60000",
            description = "Longest a request frame may take to arrive once its first byte has; a slower client is"
                    + " disconnected.")
    int frame_timeout_ms() default 2000;

    @AttributeDefinition(name = "Write timeout (ms)", min = "100", max = "60000",
            description = "Longest a reply may take to be written; a client that does not read its replies for this"
                    + " long is disconnected.")
    int write_timeout_ms() default 5000;

    @AttributeDefinition(name = "Maximum clients per user", min = "1", max = "65536",
            description = "Most client connections one user (the peer's uid) may have at once; more are answered"
                    + " OVERLOADED and closed, so that one user cannot take every max.clients slot.")
    int max_clients_per_user() default 256;

    @AttributeDefinition(name = "Socket owner", required = false,
            description = "User name or numeric id given the socket file; empty: the MAM's own user.")
    String socket_owner() default "";

    @AttributeDefinition(name = "Socket group", required = false,
            description = "Group name or numeric id given the socket file; empty: the MAM's own group.")
    String socket_group() default "";

    @AttributeDefinition(name = "Allowed users", required = false,
            description = "User names or numeric ids whose processes may use the MAM. Empty, together with an empty"
                    + " allowed.groups: anyone who can open the socket. Others are answered FORBIDDEN.")
    String[] allowed_users() default {};

    @AttributeDefinition(name = "Allowed groups", required = false,
            description = "Group names or numeric ids; processes whose primary group is one of them may use the MAM.")
    String[] allowed_groups() default {};

    @AttributeDefinition(name = "Decision reuse (ms)", min = "0", max = "3600000",
            description = "How long a client may apply a reusable decision again to identical requests without"
                    + " asking, as long as the policy and the interfaces stay the same (the MAM tells clients"
                    + " when they change). 0: clients ask for every connection.")
    int decision_reuse_ms() default DEFAULT_DECISION_REUSE_MS;

    @AttributeDefinition(name = "Read spin (us)", min = "0", max = "1000",
            description = "After answering, a client's thread polls for its next request this long before it sleeps:"
                    + " a client asking again at once is answered without waking a halted CPU, at the price of this"
                    + " much CPU time per request when it does not. At most one thread per CPU but one spins at a"
                    + " time, and a session whose polls keep missing skips 2, 4, up to 1024 polls. 0: sleep at once"
                    + " (a gateway saving power).")
    int read_spin_us() default DEFAULT_READ_SPIN_US;
}
