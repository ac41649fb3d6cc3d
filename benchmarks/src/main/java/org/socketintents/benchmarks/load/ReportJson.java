package org.socketintents.benchmarks.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The report as JSON, for scripts and for comparing runs. */
final class ReportJson {

    private ReportJson() {
    }

    static String render(Report report, List<Targets.Verdict> verdicts) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("tool", "socket-intents load tool");
        root.put("mode", report.mode());
        root.put("started", report.started().toString());
        Machine m = report.machine();
        root.put("machine", map("cpu", m.cpu(), "cores", m.cores(), "memoryMb", m.memoryMb(), "kernel", m.kernel(),
                "jdk", m.jdk()));
        root.put("wire", map("requestBytes", report.requestFrameBytes(), "replyBytes", report.replyFrameBytes(),
                "sampleDecision", report.sampleDecision()));
        List<Object> rows = new ArrayList<>();
        for (Row row : report.rows()) {
            Map<String, Object> r = map("kind", row.kind().name(), "what", row.kind().subject(),
                    "setting", row.kind().setting(), "heap", row.heap(), "clients", row.clients(),
                    "processes", row.processes(), "runs", row.runs(), "requestsPerRun", row.requests(),
                    "perSecond", row.throughput());
            r.put("p50Us", row.latency().p50Us());
            r.put("p99Us", row.latency().p99Us());
            r.put("p999Us", row.latency().p999Us());
            r.put("maxUs", row.latency().maxUs());
            r.put("meanUs", row.latency().meanUs());
            r.put("floorRatio", report.floorRatio(row));
            r.put("loadAverages", row.loadAverages());
            r.put("othersCpuShare", row.othersCpu());
            rows.add(r);
        }
        root.put("rows", rows);
        Map<String, Object> startup = new LinkedHashMap<>();
        Map<String, Object> rss = new LinkedHashMap<>();
        for (String heap : report.heaps()) {
            List<Double> millis = report.startupMillis().get(heap);
            if (millis != null) {
                startup.put(heap, map("medianMs", Statistics.median(millis.stream().mapToDouble(d -> d).toArray()),
                        "launchesMs", millis));
            }
            rss.put(heap, map("idleKb", report.idleRssKb().get(heap), "loadKb", report.loadRssKb().get(heap)));
        }
        root.put("startup", startup);
        root.put("rss", rss);
        List<Object> targets = new ArrayList<>();
        for (Targets.Verdict v : verdicts) {
            targets.add(map("name", v.name(), "bound", v.bound(), "measured", v.measured(), "met", v.met()));
        }
        root.put("targets", targets);
        root.put("notes", report.notes());
        return Json.write(root);
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
