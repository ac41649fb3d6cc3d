package org.socketintents.lab.servers;

import java.nio.file.Path;
import java.util.stream.Collectors;

import org.socketintents.lab.topology.Layout;

/**
 * nginx for the lab: serves the corpus on every server-side link address, keep-alive and Range requests as nginx
 * does them for static files, no compression (object sizes on the wire are the corpus sizes). Runs in the
 * foreground under the lab's control, with its files in the lab's run directory and its logs in the results. Its
 * workers run as root, like the lab: the corpus lives in the repository's build output, wherever it was cloned,
 * often below a directory only root may enter (mktemp -d makes 0700 ones), and this nginx listens only on the
 * lab's own addresses inside its server namespace.
 */
public record NginxConfig(Layout layout, Path corpus, Path logs, Path run, int port) {

    /** The access log records what the report needs per request: timing, bytes, link address and range. */
    private static final String LOG_FORMAT = "'$msec $server_addr $remote_addr:$remote_port \"$request\" $status "
            + "$bytes_sent range=\"$http_range\" request_time=$request_time connection=$connection "
            + "requests=$connection_requests'";

    public String render() {
        String listens = layout.links().stream()
                .map(l -> "        listen " + l.serverAddress() + ":" + port + ";\n")
                .collect(Collectors.joining());
        return "daemon off;\n"
                + "user root root;\n"
                + "master_process on;\n"
                + "worker_processes 1;\n"
                + "pid " + run.resolve("nginx.pid") + ";\n"
                + "error_log " + logs.resolve("nginx-error.log") + " info;\n"
                + "events {\n    worker_connections 1024;\n}\n"
                + "http {\n"
                + "    types {\n"
                + "        text/html html;\n        text/css css;\n        application/javascript js;\n"
                + "        image/gif gif;\n        image/png png;\n        image/jpeg jpg;\n"
                + "        text/plain txt;\n        text/csv csv;\n"
                + "    }\n"
                + "    default_type application/octet-stream;\n"
                + "    log_format lab " + LOG_FORMAT + ";\n"
                + "    access_log " + logs.resolve("nginx-access.log") + " lab;\n"
                + "    sendfile on;\n"
                + "    tcp_nodelay on;\n"
                + "    keepalive_timeout 65s;\n"
                + "    keepalive_requests 100000;\n"
                + "    client_body_temp_path " + run.resolve("client_body") + ";\n"
                + "    proxy_temp_path " + run.resolve("proxy") + ";\n"
                + "    fastcgi_temp_path " + run.resolve("fastcgi") + ";\n"
                + "    uwsgi_temp_path " + run.resolve("uwsgi") + ";\n"
                + "    scgi_temp_path " + run.resolve("scgi") + ";\n"
                + "    server {\n"
                + listens
                + "        server_name _;\n"
                + "        root " + corpus + ";\n"
                + "        location / {\n        }\n"
                + "    }\n"
                + "}\n";
    }
}
