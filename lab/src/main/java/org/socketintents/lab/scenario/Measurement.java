package org.socketintents.lab.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One result: how long a page or an object took in one repetition of one variant of a scenario.
 *
 * @param subject the page ("news", "photo") or "object" for one file of the size sweep
 * @param bytes the page's body bytes, or the object's size
 * @param requestsByLink how many requests went over each link, e.g. "i1=130 i2=0"
 * @param failedRequests requests that failed (the measurement then does not count in plots)
 */
public record Measurement(String scenario, String variant, String subject, long bytes, int repetition,
        double millis, String requestsByLink, int failedRequests) {

    public static final String CSV_HEADER =
            "scenario,variant,subject,bytes,repetition,millis,requests_by_link,failed_requests";

    /** From the timings of one siget run (or the requests of one URL within it). */
    public static Measurement of(String scenario, String variant, String subject, int repetition, List<Timing> timings,
            boolean objectSize) {
        if (timings.isEmpty()) {
            return new Measurement(scenario, variant, subject, 0, repetition, Double.NaN, "", 1);
        }
        long start = timings.stream().mapToLong(Timing::startMillis).min().orElseThrow();
        long end = timings.stream().mapToLong(Timing::endMillis).max().orElseThrow();
        long bytes = objectSize
                ? timings.stream().filter(t -> t.objectSize().isPresent()).mapToLong(t -> t.objectSize().getAsLong())
                        .max().orElse(0)
                : timings.stream().mapToLong(Timing::bytes).sum();
        Map<String, Integer> links = new TreeMap<>();
        timings.forEach(t -> links.merge(t.linkName().isEmpty() ? "none" : t.linkName(), 1, Integer::sum));
        StringBuilder perLink = new StringBuilder();
        links.forEach((link, n) -> perLink.append(perLink.length() == 0 ? "" : " ").append(link).append('=').append(n));
        int failed = (int) timings.stream().filter(Timing::failed).count();
        return new Measurement(scenario, variant, subject, bytes, repetition, end - start, perLink.toString(), failed);
    }

    /** The bytes over the time, in Mbit/s: the goodput of a transfer measured over a window. */
    public double megabitsPerSecond() {
        return bytes * 8 / millis / 1000;
    }

    /** The same figures marked as a failed measurement (left out of figures and tables). */
    public Measurement failed() {
        return new Measurement(scenario, variant, subject, bytes, repetition, millis, requestsByLink,
                Math.max(1, failedRequests));
    }

    public boolean valid() {
        return failedRequests == 0 && !Double.isNaN(millis);
    }

    public String csv() {
        return String.join(",", scenario, variant, subject, Long.toString(bytes), Integer.toString(repetition),
                String.format(Locale.ROOT, "%.0f", millis), requestsByLink, Integer.toString(failedRequests));
    }

    public static Measurement parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 8) {
            throw new IllegalArgumentException("expected 8 fields: " + line);
        }
        return new Measurement(f[0], f[1], f[2], Long.parseLong(f[3]), Integer.parseInt(f[4]),
                f[5].equals("NaN") ? Double.NaN : Double.parseDouble(f[5]), f[6], Integer.parseInt(f[7]));
    }
}
