package org.socketintents.siget.download;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.socketintents.siget.report.Console;
import org.socketintents.siget.report.Progress;
import org.socketintents.siget.report.Timings;

/**
 * Runs the downloads of one command: each URL in turn and, with page requisites, the objects each HTML page
 * embeds, several at once when asked (the paper's wget fetched one after the other). An object referenced more
 * than once is fetched once. Failures are reported and the run goes on; the exit status says the worst.
 */
public final class Downloader {

    private final ObjectFetcher fetcher;
    private final DownloadOptions options;
    private final Console console;
    private final Progress progress;
    private final OutputStream stdout;
    private final Set<URI> requested = ConcurrentHashMap.newKeySet();
    private final AtomicInteger saved = new AtomicInteger();
    private final AtomicInteger attempted = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();

    /**
     * @param http     the intent-aware HTTP client
     * @param options  what to download and how
     * @param timings  receives one record per request
     * @param progress learns about the bytes
     * @param console  where messages go
     * @param stdout   standard output, for {@code -O -}
     */
    public Downloader(CloseableHttpClient http, DownloadOptions options, Timings timings, Progress progress,
                      Console console, OutputStream stdout) {
        this.fetcher = new ObjectFetcher(http, options.plan(), options.tries(), timings, progress,
                System::currentTimeMillis);
        this.options = options;
        this.console = console;
        this.progress = progress;
        this.stdout = stdout;
    }

    /**
     * @param urls the URLs given on the command line
     * @return how the run went
     */
    public ExitStatus run(List<URI> urls) {
        long started = System.nanoTime();
        ExecutorService workers = Executors.newFixedThreadPool(options.parallel(), runnable -> {
            Thread thread = new Thread(runnable, "siget-fetch");
            thread.setDaemon(true);
            return thread;
        });
        ExitStatus status = ExitStatus.SUCCESS;
        try {
            for (URI url : urls) {
                requested.add(url);
                Result page = download(url);
                status = status.and(page.status());
                if (options.pageRequisites() && page.isHtml()) {
                    status = status.and(requisites(page, workers));
                }
            }
        } finally {
            workers.shutdownNow();
            progress.close();
        }
        if (attempted.get() > 1) {
            console.info(String.format("downloaded %d of %d files, %d bytes in %.3f s", saved.get(), attempted.get(),
                    bytes.get(), (System.nanoTime() - started) / 1e9));
        }
        return status;
    }

    private ExitStatus requisites(Result page, ExecutorService workers) {
        List<URI> found;
        try {
            found = Requisites.of(page.file(), page.object().finalUrl());
        } catch (IOException e) {
            console.error("cannot read " + page.file() + " for its page requisites: " + e.getMessage());
            return ExitStatus.FILE_IO;
        }
        List<Future<Result>> pending = new ArrayList<>();
        for (URI requisite : found) {
            if (requested.add(requisite)) {
                pending.add(workers.submit(() -> download(requisite)));
            }
        }
        ExitStatus status = ExitStatus.SUCCESS;
        for (Future<Result> result : pending) {
            try {
                status = status.and(result.get().status());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status.and(ExitStatus.GENERIC);
            } catch (ExecutionException e) {
                console.error("unexpected failure: " + e.getCause());
                status = status.and(ExitStatus.GENERIC);
            }
        }
        return status;
    }

    private Result download(URI url) {
        attempted.incrementAndGet();
        Output output = options.layout().outputFor(url);
        try (PartFile part = open(output)) {
            FetchedObject object = fetcher.fetch(url, part);
            if (output.path().isPresent()) {
                part.commitTo(output.path().get());
            } else {
                part.commitTo(stdout);
            }
            saved.incrementAndGet();
            bytes.addAndGet(object.size());
            console.info("saved " + output + " [" + object.size() + " bytes]");
            return new Result(ExitStatus.SUCCESS, object, output.path().orElse(null));
        } catch (FetchException e) {
            console.error(e.getMessage());
            return Result.failed(e.status());
        } catch (IOException e) {
            console.error("cannot save " + url + " to " + output + ": " + e.getMessage());
            return Result.failed(ExitStatus.FILE_IO);
        } finally {
            progress.objectDone();
        }
    }

    private static PartFile open(Output output) throws IOException {
        // A device or pipe (-O /dev/null) is written into, not replaced: its part file goes to the temporary folder.
        Path directory = output.path().filter(PartFile::isReplaceable)
                .map(file -> file.toAbsolutePath().getParent())
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir")));
        String name = output.path().map(file -> file.getFileName().toString()).orElse("stdout");
        return PartFile.in(directory, name);
    }

    /**
     * One object's outcome.
     *
     * @param status how it went
     * @param object what was downloaded; null when it failed
     * @param file   where it was saved; null when it failed or went to standard output
     */
    private record Result(ExitStatus status, FetchedObject object, Path file) {

        static Result failed(ExitStatus status) {
            return new Result(status, null, null);
        }

        boolean isHtml() {
            return object != null && file != null && object.isHtml();
        }
    }
}
