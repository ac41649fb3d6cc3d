package org.socketintents.siget.download;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

import javax.net.ssl.SSLException;

import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.protocol.RedirectLocations;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.HttpStatus;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.socketintents.api.Intents;
import org.socketintents.siget.http.ConnectionFacts;
import org.socketintents.siget.http.RequestIntents;
import org.socketintents.siget.report.Progress;
import org.socketintents.siget.report.Timings;

/**
 * Downloads one object into a part file, as its {@link IntentPlan} says: in one request, or in a probe for the
 * first bytes and a second request for the rest. Every request asks for the bytes after those already written,
 * so a transfer that breaks off is resumed by the next try with a Range request. A server that ignores Range
 * answers 200 with the whole object, which then replaces whatever was written. The object is complete only
 * when every byte the server announced has arrived: a connection lost mid-body is never taken for the end.
 * Thread-safe: each call works on its own part file.
 */
final class ObjectFetcher {

    /** The last byte of a range that runs to the end of the object. */
    private static final long OPEN = -1;
    private static final int BUFFER_BYTES = 64 * 1024;

    private final CloseableHttpClient http;
    private final IntentPlan plan;
    private final int tries;
    private final Timings timings;
    private final Progress progress;
    private final LongSupplier clock;

    /**
     * @param http     the intent-aware HTTP client
     * @param plan     the intents of each request
     * @param tries    how many requests one phase may take, resumptions included; at least one
     * @param timings  receives one record per request
     * @param progress learns about the bytes
     * @param clock    milliseconds since the epoch
     */
    ObjectFetcher(CloseableHttpClient http, IntentPlan plan, int tries, Timings timings, Progress progress,
                  LongSupplier clock) {
        this.http = http;
        this.plan = plan;
        this.tries = tries;
        this.timings = timings;
        this.progress = progress;
        this.clock = clock;
    }

    /**
     * @param url  the object
     * @param part where its bytes go; empty
     * @return what was downloaded
     * @throws FetchException if the object could not be downloaded completely
     */
    FetchedObject fetch(URI url, PartFile part) throws FetchException {
        Transfer first = plan.twoPhase()
                ? transfer(url, Phase.PROBE, plan.probeBytes() - 1, plan.first(), part)
                : transfer(url, Phase.WHOLE, OPEN, plan.first(), part);
        Transfer last = first.complete() ? first
                : transfer(first.finalUrl(), Phase.REST, OPEN, plan.rest(first.objectSize()), part);
        long size = size(part);
        OptionalLong announced = last.objectSize();
        if (announced.isPresent() && announced.getAsLong() != size) {
            throw new FetchException(ExitStatus.PROTOCOL, url + ": received " + size + " bytes of an object of "
                    + announced.getAsLong(), null);
        }
        return new FetchedObject(last.finalUrl(), first.contentType(), size);
    }

    /**
     * Fetches the bytes from the end of the part file up to {@code last}, in as many requests as it takes and
     * {@link #tries} allows.
     */
    private Transfer transfer(URI url, Phase phase, long last, Intents intents, PartFile part) throws FetchException {
        for (int attempt = 1; ; attempt++) {
            try {
                Transfer transfer = exchange(url, phase, attempt, last, intents, part);
                if (transfer.complete() || last != OPEN) {
                    return transfer;
                }
                if (attempt == tries) {
                    throw new FetchException(ExitStatus.NETWORK, url + ": the server sent only part of the object "
                            + "in " + tries + " tries", null);
                }
            } catch (IOException e) {
                if (attempt == tries || !retryable(e)) {
                    throw failure(url, e, attempt);
                }
            }
        }
    }

    private Transfer exchange(URI url, Phase phase, int attempt, long last, Intents intents, PartFile part)
            throws IOException, FetchException {
        long offset = size(part);
        HttpGet request = new HttpGet(url);
        request.setHeader(HttpHeaders.ACCEPT_ENCODING, "identity");
        if (offset > 0 || last != OPEN) {
            request.setHeader(HttpHeaders.RANGE, "bytes=" + offset + "-" + (last == OPEN ? "" : Long.toString(last)));
        }
        HttpClientContext context = HttpClientContext.create();
        RequestIntents.set(context, intents);
        ExchangeLog log = new ExchangeLog(url, phase, attempt, offset, intents, clock.getAsLong());
        ClassicHttpResponse response = null;
        boolean finished = false;
        try {
            response = http.executeOpen(null, request, context);
            log.responded(response.getCode(), clock.getAsLong());
            Body body = body(url, response, offset, last == OPEN, part);
            log.objectSize(body.objectSize().orElse(-1));
            if (body.content()) {
                copy(url, response.getEntity(), body.length(), part, log);
            } else {
                EntityUtils.consume(response.getEntity());
            }
            finished = true;
            return new Transfer(finalUrl(url, context), mediaType(response), body.objectSize(), body.complete());
        } catch (IOException | FetchException | RuntimeException e) {
            log.failed(e);
            throw e;
        } finally {
            if (!finished) {
                request.abort(); // closes the connection at once instead of draining a body given up on
            }
            closeQuietly(response);
            log.connection(ConnectionFacts.of(context));
            timings.record(log.toRecord(clock.getAsLong()));
        }
    }

    /** Reads a response's status and headers: what its body is and whether the object is complete after it. */
    private Body body(URI url, ClassicHttpResponse response, long offset, boolean openEnded, PartFile part)
            throws IOException, FetchException {
        int status = response.getCode();
        if (status == HttpStatus.SC_PARTIAL_CONTENT) {
            ContentRange range = ContentRange.parse(value(response, HttpHeaders.CONTENT_RANGE))
                    .orElseThrow(() -> protocol(url, "206 response without a valid Content-Range"));
            if (range.first() != offset) {
                throw protocol(url, "the server sent bytes from " + range.first() + " when asked from " + offset);
            }
            boolean complete = range.size().isPresent() ? range.last() + 1 == range.size().getAsLong() : openEnded;
            return new Body(true, range.length(), range.size(), complete);
        }
        if (status == HttpStatus.SC_REQUESTED_RANGE_NOT_SATISFIABLE) {
            OptionalLong size = ContentRange.unsatisfiedSize(value(response, HttpHeaders.CONTENT_RANGE));
            if (offset == 0 && size.isPresent() && size.getAsLong() == 0) {
                return new Body(false, 0, size, true); // an empty object has no first byte to probe
            }
            throw protocol(url, "416 Range Not Satisfiable for bytes from " + offset);
        }
        if (status >= HttpStatus.SC_SUCCESS && status < HttpStatus.SC_REDIRECTION) {
            // The whole object, whatever was asked: a server that ignores Range, or a fresh copy.
            if (offset > 0) {
                clear(part);
            }
            HttpEntity entity = response.getEntity();
            long length = entity == null ? 0 : entity.getContentLength();
            return new Body(true, length, length >= 0 ? OptionalLong.of(length) : OptionalLong.empty(), true);
        }
        EntityUtils.consume(response.getEntity());
        throw new FetchException(ExitStatus.SERVER_ERROR, url + ": " + status + " " + response.getReasonPhrase(),
                null);
    }

    private void copy(URI url, HttpEntity entity, long expected, PartFile part, ExchangeLog log)
            throws IOException, FetchException {
        if (entity == null) {
            return;
        }
        if (expected > 0) {
            progress.expect(expected);
        }
        byte[] buffer = new byte[BUFFER_BYTES];
        long received = 0;
        // Not closed here: at its end the stream hands the connection back to the pool by itself, and on a
        // failure the request is aborted, which closing would delay by draining the rest of the body.
        InputStream in = entity.getContent();
        for (int count = in.read(buffer); count >= 0; count = in.read(buffer)) {
            if (expected >= 0 && received + count > expected) {
                throw protocol(url, "the server sent more than the " + expected + " bytes it announced");
            }
            append(part, buffer, count);
            received += count;
            log.received(count);
            progress.received(count);
        }
        if (expected >= 0 && received < expected) {
            throw new EOFException("connection closed after " + received + " of " + expected + " bytes");
        }
    }

    /**
     * After a failure the connection is gone already; after success the body has been read to its end, which
     * handed the connection back to the pool. Either way a failing close changes nothing about the download.
     */
    private static void closeQuietly(ClassicHttpResponse response) {
        if (response == null) {
            return;
        }
        try {
            response.close();
        } catch (IOException e) {
            // see above
        }
    }

    private static URI finalUrl(URI url, HttpClientContext context) {
        RedirectLocations redirects = context.getRedirectLocations();
        List<URI> all = redirects == null ? List.of() : redirects.getAll();
        return all.isEmpty() ? url : all.get(all.size() - 1);
    }

    private static String mediaType(ClassicHttpResponse response) {
        String value = value(response, HttpHeaders.CONTENT_TYPE);
        if (value == null) {
            return "";
        }
        try {
            return ContentType.parse(value).getMimeType().toLowerCase(Locale.ROOT);
        } catch (RuntimeException e) {
            return ""; // an unreadable Content-Type says nothing usable
        }
    }

    private static String value(ClassicHttpResponse response, String name) {
        Header header = response.getFirstHeader(name);
        return header == null ? null : header.getValue();
    }

    /** Connection refused, unknown hosts, TLS and HTTP protocol failures do not go away by trying again. */
    private static boolean retryable(IOException e) {
        return !(e instanceof UnknownHostException || e instanceof ConnectException || e instanceof SSLException
                || e instanceof ClientProtocolException);
    }

    private static FetchException failure(URI url, IOException e, int attempts) {
        ExitStatus status = e instanceof SSLException ? ExitStatus.TLS
                : e instanceof ClientProtocolException ? ExitStatus.PROTOCOL : ExitStatus.NETWORK;
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof ClientProtocolException && e.getCause() != null && e.getCause().getMessage() != null) {
            reason = e.getCause().getMessage(); // HttpClient wraps the protocol error without its message
        }
        return new FetchException(status, url + ": " + reason + (attempts > 1 ? " (after " + attempts + " tries)" : ""),
                e);
    }

    private static FetchException protocol(URI url, String message) {
        return new FetchException(ExitStatus.PROTOCOL, url + ": " + message, null);
    }

    private static long size(PartFile part) throws FetchException {
        try {
            return part.size();
        } catch (IOException e) {
            throw fileFailure(part, e);
        }
    }

    private static void append(PartFile part, byte[] bytes, int length) throws FetchException {
        try {
            part.append(bytes, length);
        } catch (IOException e) {
            throw fileFailure(part, e);
        }
    }

    private static void clear(PartFile part) throws FetchException {
        try {
            part.clear();
        } catch (IOException e) {
            throw fileFailure(part, e);
        }
    }

    private static FetchException fileFailure(PartFile part, IOException e) {
        return new FetchException(ExitStatus.FILE_IO, "cannot write " + part.path() + ": " + e.getMessage(), e);
    }

    /**
     * What a response's body holds.
     *
     * @param content    whether the body is object content, to be written
     * @param length     its length; -1 when it runs until the connection closes or the last chunk
     * @param objectSize the object's size, when the server gave it
     * @param complete   whether the object is complete once the body has arrived
     */
    private record Body(boolean content, long length, OptionalLong objectSize, boolean complete) {
    }

    /**
     * What one phase achieved.
     *
     * @param finalUrl    the URL after redirects
     * @param contentType the declared media type; empty when none
     * @param objectSize  the object's size, when the server gave it
     * @param complete    whether the whole object has arrived
     */
    private record Transfer(URI finalUrl, String contentType, OptionalLong objectSize, boolean complete) {
    }
}
