package org.socketintents.siget;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;

/**
 * An HTTP/1.1 server on loopback written on plain sockets, so that tests control the bytes on the wire: byte
 * ranges or not, Content-Length, chunked or close-delimited bodies, connections reset in the middle of a body.
 * Connections are kept alive between requests unless a resource closes them. It records every request and every
 * connection.
 */
final class TestServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Request(String path, Map<String, String> headers, int connection, InetAddress peer) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Where the server accepts its connections. */
    interface Listener extends Closeable {
        /** @return the next connection */
        Accepted accept() throws IOException;

        /** @return the port it listens on, on 127.0.0.1 */
        int port();
    }

    /** An accepted connection and its peer's address. */
    record Accepted(Socket socket, InetAddress peer) {
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final Listener server;
    private final String scheme;
    private final Map<String, Resource> resources = new ConcurrentHashMap<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final List<InetAddress> connectionPeers = new CopyOnWriteArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();

    private TestServer(Listener server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        Thread acceptor = new Thread(this::accept, "test-http-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static TestServer http() throws IOException {
        return new TestServer(listening(new ServerSocket(0, 50, InetAddress.getLoopbackAddress())), "http");
    }

    static TestServer https(SSLContext tls) throws IOException {
        return new TestServer(listening(tls.getServerSocketFactory().createServerSocket(0, 50,
                InetAddress.getLoopbackAddress())), "https");
    }

    /** @return an http server that accepts connections from the given listener, e.g. an MPTCP one */
    static TestServer http(Listener listener) {
        return new TestServer(listener, "http");
    }

    private static Listener listening(ServerSocket server) {
        return new Listener() {
            @Override
            public Accepted accept() throws IOException {
                Socket socket = server.accept();
                return new Accepted(socket, socket.getInetAddress());
            }

            @Override
            public int port() {
                return server.getLocalPort();
            }

            @Override
            public void close() throws IOException {
                server.close();
            }
        };
    }

    TestServer put(String path, Resource resource) {
        resources.put(path, resource);
        return this;
    }

    URI url(String path) {
        return URI.create(scheme + "://127.0.0.1:" + server.port() + path);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    List<Request> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).collect(Collectors.toList());
    }

    /** @return how many TCP connections clients opened */
    int connections() {
        return connections.get();
    }

    /** @return the client address of each connection, in the order they were accepted */
    List<InetAddress> connectionPeers() {
        return List.copyOf(connectionPeers);
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }

    private void accept() {
        while (true) {
            Accepted accepted;
            try {
                accepted = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            Socket socket = accepted.socket();
            int id = connections.incrementAndGet();
            connectionPeers.add(accepted.peer());
            open.add(socket);
            Thread thread = new Thread(() -> serve(socket, id, accepted.peer()), "test-http-" + id);
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void serve(Socket socket, int id, InetAddress peer) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                Request request = read(in, id, peer);
                if (request == null) {
                    return;
                }
                requests.add(request);
                Resource resource = resources.getOrDefault(request.path(), Resource.status(404));
                if (!resource.respond(request, socket, out)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away, or the test reset the connection
        } finally {
            open.remove(socket);
        }
    }

    private static Request read(InputStream in, int connection, InetAddress peer) throws IOException {
        String requestLine = line(in);
        if (requestLine == null || requestLine.isEmpty()) {
            return null;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String header = line(in); header != null && !header.isEmpty(); header = line(in)) {
            int colon = header.indexOf(':');
            headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT), header.substring(colon + 1).trim());
        }
        return new Request(requestLine.split(" ")[1], headers, connection, peer);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            if (b == '\n') {
                String line = bytes.toString(StandardCharsets.ISO_8859_1);
                return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            }
            bytes.write(b);
        }
        return null;
    }

    /** What the server answers for one path. Immutable but for the count of responses still to be reset. */
    static final class Resource {

        enum Framing { CONTENT_LENGTH, CHUNKED, CLOSE }

        private final int status;
        private final byte[] body;
        private final String contentType;
        private final Map<String, String> extraHeaders;
        private final boolean honoursRange;
        private final Framing framing;
        private final AtomicInteger resetsLeft;
        private final long resetAfter;
        private final boolean stall;

        private Resource(int status, byte[] body, String contentType, Map<String, String> extraHeaders,
                         boolean honoursRange, Framing framing, int resets, long resetAfter, boolean stall) {
            this.status = status;
            this.body = body;
            this.contentType = contentType;
            this.extraHeaders = extraHeaders;
            this.honoursRange = honoursRange;
            this.framing = framing;
            this.resetsLeft = new AtomicInteger(resets);
            this.resetAfter = resetAfter;
            this.stall = stall;
        }

        static Resource of(byte[] body, String contentType) {
            return new Resource(200, body, contentType, Map.of(), true, Framing.CONTENT_LENGTH, 0, 0, false);
        }

        static Resource html(String page) {
            return of(page.getBytes(StandardCharsets.UTF_8), "text/html; charset=utf-8");
        }

        static Resource status(int code) {
            return new Resource(code, ("status " + code).getBytes(StandardCharsets.US_ASCII), "text/plain",
                    Map.of(), false, Framing.CONTENT_LENGTH, 0, 0, false);
        }

        static Resource redirect(int code, String location) {
            return new Resource(code, new byte[0], "text/plain", Map.of("Location", location), false,
                    Framing.CONTENT_LENGTH, 0, 0, false);
        }

        /** Answers every request with 200 and the whole body, as servers without range support do. */
        Resource ignoringRange() {
            return new Resource(status, body, contentType, extraHeaders, false, framing, resetsLeft.get(), resetAfter,
                    stall);
        }

        Resource framed(Framing newFraming) {
            return new Resource(status, body, contentType, extraHeaders, honoursRange, newFraming, resetsLeft.get(),
                    resetAfter, stall);
        }

        /**
         * The first {@code times} responses with more than {@code afterBytes} bytes of body reset the connection
         * after that many.
         */
        Resource resetting(int times, long afterBytes) {
            return new Resource(status, body, contentType, extraHeaders, honoursRange, framing, times, afterBytes,
                    false);
        }

        /**
         * The first {@code times} responses with more than {@code afterBytes} bytes of body stop sending after that
         * many and keep the connection open until the client closes it.
         */
        Resource stalling(int times, long afterBytes) {
            return new Resource(status, body, contentType, extraHeaders, honoursRange, framing, times, afterBytes,
                    true);
        }

        /** @return whether the connection stays open */
        boolean respond(Request request, Socket socket, OutputStream out) throws IOException {
            int code = status;
            long first = 0;
            long last = body.length - 1;
            Map<String, String> headers = new LinkedHashMap<>(extraHeaders);
            Matcher range = request.header("Range") == null ? null : RANGE.matcher(request.header("Range"));
            if (honoursRange && code == 200 && range != null && range.matches()) {
                first = Long.parseLong(range.group(1));
                if (first >= body.length) {
                    headers.put("Content-Range", "bytes */" + body.length);
                    return write(out, socket, 416, headers, new byte[0], 0, -1, false);
                }
                if (!range.group(2).isEmpty()) {
                    last = Math.min(last, Long.parseLong(range.group(2)));
                }
                code = 206;
                headers.put("Content-Range", "bytes " + first + "-" + last + "/" + body.length);
            }
            headers.put("Content-Type", contentType);
            boolean reset = last - first + 1 > resetAfter && resetsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            return write(out, socket, code, headers, body, first, last, reset);
        }

        private boolean write(OutputStream out, Socket socket, int code, Map<String, String> headers, byte[] bytes,
                              long first, long last, boolean reset) throws IOException {
            int length = (int) (last - first + 1);
            StringBuilder head = new StringBuilder("HTTP/1.1 ").append(code).append(' ').append(reason(code))
                    .append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            switch (framing) {
                case CHUNKED: head.append("Transfer-Encoding: chunked\r\n"); break;
                case CLOSE: head.append("Connection: close\r\n"); break;
                default: head.append("Content-Length: ").append(length).append("\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            int limit = reset ? (int) Math.min(length, resetAfter) : length;
            if (framing == Framing.CHUNKED) {
                for (int offset = 0; offset < limit; offset += 1000) {
                    int chunk = Math.min(1000, limit - offset);
                    out.write((Integer.toHexString(chunk) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(bytes, (int) first + offset, chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                if (!reset) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
            } else {
                out.write(bytes, (int) first, limit);
            }
            out.flush();
            if (reset && stall) {
                socket.getInputStream().transferTo(OutputStream.nullOutputStream()); // until the client gives up
                return false;
            }
            if (reset) {
                socket.setSoLinger(true, 0); // closing now sends RST: the client's read fails
                socket.close();
                return false;
            }
            return framing != Framing.CLOSE;
        }

        private static String reason(int code) {
            switch (code) {
                case 200: return "OK";
                case 206: return "Partial Content";
                case 301: return "Moved Permanently";
                case 302: return "Found";
                case 404: return "Not Found";
                case 416: return "Range Not Satisfiable";
                case 500: return "Internal Server Error";
                default: return "Status";
            }
        }
    }
}
