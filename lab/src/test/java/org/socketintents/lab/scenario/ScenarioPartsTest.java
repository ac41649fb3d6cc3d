package org.socketintents.lab.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.socketintents.lab.os.TcpConnection;
import org.socketintents.lab.topology.Description;
import org.socketintents.lab.topology.Descriptions;
import org.socketintents.lab.topology.Layout;

class ScenarioPartsTest {

    private static final String TIMINGS = """
            url,phase,attempt,status,range_start,bytes,object_size,intents,interface,local_address,remote_address,connection,start_ms,first_byte_ms,end_ms,error
            http://news.lab/news/index.html,probe,1,206,0,4632,4632,{category=QUERY},i1,10.200.1.2:59221,10.200.1.1:80,new,1000,1100,1110,
            http://news.lab/news/files/001.jpg,probe,1,206,0,15360,40000,{category=QUERY},i1,10.200.1.2:59221,10.200.1.1:80,reused,1200,1300,1310,
            http://news.lab/news/files/001.jpg,rest,1,206,15360,24640,40000,"{category=QUERY, filesize=40000}",i2,10.200.2.2:40000,10.200.1.1:80,new,1320,1500,2500,
            http://news.lab/news/files/002.gif,whole,1,,0,0,,{category=QUERY},,,,,2600,,2700,"connect timed out, ""twice""\"
            """;

    @Test
    void mamConfigurationCarriesTheDescriptionsFiguresAndThePolicy() throws Exception {
        Layout layout = new Layout("si-lab-run", Descriptions.load("paper"));

        Map<String, String> files = new MamConfiguration(layout, Variant.only("i2"), Path.of("/r/mam.sock")).files();

        assertEquals("socket.path = /r/mam.sock\npolicy = fixed\npolicy.budget.ms = 1000\n",
                files.get("org.socketintents.mam.cfg"));
        assertEquals("name = i1\nbandwidth.down = 6000000\nbandwidth.up = 768000\nrtt = 10\ndns = 10.200.1.1\n",
                files.get("org.socketintents.netmon.interface-i1.cfg"));
        assertTrue(files.get("org.socketintents.netmon.interface-i2.cfg").contains("rtt = 70\n"));
        assertEquals("interface = i2\n", files.get("org.socketintents.policy.fixed.cfg"));
    }

    @Test
    void earliestArrivalIsConfiguredForTheLabsLinksBesideTheInterfaceFigures() throws Exception {
        Layout layout = new Layout("si-lab-run", Descriptions.load("paper"));

        Map<String, String> files = new MamConfiguration(layout, Variant.earliestArrival(), Path.of("/r/mam.sock"))
                .files();

        assertEquals("socket.path = /r/mam.sock\npolicy = earliest-arrival\npolicy.budget.ms = 1000\n",
                files.get("org.socketintents.mam.cfg"));
        assertEquals("initial.window.segments = 10\nmss.bytes = 1448\nuse.measured = true\n",
                files.get("org.socketintents.policy.earliestarrival.cfg"));
        assertTrue(files.get("org.socketintents.netmon.interface-i2.cfg")
                .startsWith("name = i2\nbandwidth.down = 12000000\nbandwidth.up = 6000000\nrtt = 70\n"));
    }

    @Test
    void everyComparisonIncludesThePoliciesBeyondThePaper() {
        Variant earliestArrival = Variant.earliestArrival();

        assertEquals("earliest-arrival", earliestArrival.label());
        assertEquals("earliest-arrival", earliestArrival.policy());
        assertEquals(Optional.empty(), Variant.onlyLink(earliestArrival.label()));
        assertEquals(List.of("i1-only", "i2-only", "category", "earliest-arrival", "mptcp"),
                new BulkVersusQuery().variants().stream().map(Variant::label).toList());
        assertEquals(List.of("i1-only", "i2-only", "round-robin", "filesize-100k", "earliest-arrival", "mptcp"),
                new OffloadByFileSize().variants().stream().map(Variant::label).toList());
    }

    @Test
    void theMptcpVariantsGiveMptcpToTheDownloadsTheirScenarioMeans() {
        Variant bulk = new BulkVersusQuery().variants().get(4);
        Variant offload = new OffloadByFileSize().variants().get(5);

        assertEquals("mptcp", bulk.policy());
        assertTrue(bulk.multipath());
        assertFalse(Variant.category().multipath());
        assertEquals(Map.of("org.socketintents.policy.mptcp", Map.of("min.file.size", "1M")),
                bulk.policyConfigurations());
        assertEquals(Map.of("org.socketintents.policy.mptcp", Map.of("min.file.size", "100k")),
                offload.policyConfigurations(), "the objects the filesize policy sends to i2");
    }

    @Test
    void anMptcpBulkDownloadIsTheSumOfItsSubflows() throws Exception {
        Layout layout = new Layout("si-lab-run-1", Descriptions.load("paper"));
        TcpConnection first = new TcpConnection("10.200.1.2:36126", "10.200.1.1:80", "cubic", 1_000_000, "1b8ffd4e");
        TcpConnection joined = new TcpConnection("10.200.2.2:54278", "10.200.1.1:80", "cubic", 2_000_000, "1b8ffd4e");
        TcpConnection otherMptcp = new TcpConnection("10.200.2.2:54279", "10.200.1.1:80", "cubic", 0, "77777777");

        BulkWindow window = BulkWindow.open(List.of(first, joined), 1_000_000_000L).orElseThrow();
        Measurement m = window.close(List.of(
                new TcpConnection("10.200.1.2:36126", "10.200.1.1:80", "cubic", 1_750_000, "1b8ffd4e"),
                new TcpConnection("10.200.2.2:54278", "10.200.1.1:80", "cubic", 3_500_000, "1b8ffd4e")),
                2_000_000_000L, layout, "bulk-vs-query", "mptcp", "bulk:news", 1);

        assertEquals(2_250_000, m.bytes());
        assertEquals(18.0, m.megabitsPerSecond(), 1e-9);
        assertEquals("i1=1 i2=1", m.requestsByLink());
        assertTrue(BulkWindow.open(List.of(first, otherMptcp), 0).isEmpty(), "two MPTCP connections");
        assertFalse(window.close(List.of(first), 2_000_000_000L, layout, "bulk-vs-query", "mptcp", "bulk:news", 1)
                .valid(), "a subflow gone");
    }

    @Test
    void aFailedMeasurementKeepsItsFiguresButLeavesTheFigures() {
        Measurement m = new Measurement("offload", "mptcp", "news", 2_800_000, 3, 7000, "i1=56 i2=2", 0);

        assertFalse(m.failed().valid());
        assertEquals(7000, m.failed().millis());
        assertEquals(2, new Measurement("offload", "mptcp", "news", 1, 3, 7000, "i1=1", 2).failed().failedRequests());
    }

    @Test
    void theSweepIsOneSigetOverEverySize() {
        SigetCommand sweep = SigetCommand.files(List.of("http://bulk.lab/sweep/10240.bin?warm-up",
                "http://bulk.lab/sweep/10240.bin", "http://bulk.lab/sweep/51200.bin"), Optional.empty(), true,
                Path.of("/r/objects.csv"), Path.of("/r/downloads"));

        assertEquals(List.of("/s/siget", "-q", "--mam-socket", "/m.sock", "--timings", "/r/objects.csv",
                "--timings-format", "csv", "--filesize", "auto", "-P", "/r/downloads",
                "http://bulk.lab/sweep/10240.bin?warm-up", "http://bulk.lab/sweep/10240.bin",
                "http://bulk.lab/sweep/51200.bin"), sweep.argv(Path.of("/s/siget"), Path.of("/m.sock")));
        assertThrows(IllegalArgumentException.class, () -> new SigetCommand(List.of("http://a/1", "http://a/2"),
                Optional.empty(), false, false, Path.of("/t.csv"), Path.of("/dev/null")));
    }

    @Test
    void variantsConfigureThePapersPolicies() {
        assertEquals("filesize-1400k", Variant.fileSize("1400k").label());
        assertEquals(Map.of("org.socketintents.policy.filesize", Map.of("threshold", "100k")),
                Variant.fileSize("100k").policyConfigurations());
        assertEquals("category", Variant.category().policy());
        assertEquals("round-robin", Variant.roundRobin().policy());
        assertThrows(IllegalArgumentException.class, () -> new Variant("Bad Label", "fixed", Map.of()));
        assertEquals(Optional.of("i2"), Variant.onlyLink(Variant.only("i2").label()));
        assertEquals(Optional.empty(), Variant.onlyLink(Variant.category().label()));
    }

    @Test
    void sigetWaitsForTheMamLongerThanThePolicyBudget() {
        DecisionBudget budget = DecisionBudget.LAB;

        assertTrue(budget.connect().compareTo(budget.policy()) > 0);
        assertTrue(budget.resolve().compareTo(budget.connect()) >= 0);
        assertEquals(Map.of("SIGET_JAVA_OPTS",
                "-Dsocketintents.timeout.ms=2000 -Dsocketintents.resolve.timeout.ms=3000"), budget.sigetEnvironment());
    }

    @Test
    void theBulkWindowCountsWhatTheBulkConnectionReceivedMeanwhile() {
        Layout layout = new Layout("si-lab-run", paper());
        TcpConnection bulk = new TcpConnection("10.200.2.2:44117", "10.200.1.1:80", "cubic", 1_000_000);
        TcpConnection page = new TcpConnection("10.200.1.2:40020", "10.200.1.1:80", "cubic", 5_000);
        TcpConnection later = new TcpConnection("10.200.2.2:44117", "10.200.1.1:80", "cubic", 7_000_000);

        BulkWindow window = BulkWindow.open(List.of(bulk), 1_000_000_000L).orElseThrow();
        Measurement m = window.close(List.of(page, later), 5_000_000_000L, layout, "bulk-vs-query", "category",
                BulkVersusQuery.bulkSubject("news"), 2);

        assertEquals(new Measurement("bulk-vs-query", "category", "bulk:news", 6_000_000, 2, 4000, "i2=1", 0), m);
        assertTrue(BulkVersusQuery.isBulk(m));
    }

    @Test
    void aBulkWindowNeedsTheOneWebConnectionAndFailsWhenItIsGone() {
        Layout layout = new Layout("si-lab-run", paper());
        TcpConnection bulk = new TcpConnection("10.200.2.2:44117", "10.200.1.1:80", "cubic", 1_000_000);
        TcpConnection other = new TcpConnection("10.200.1.2:40020", "10.200.1.1:80", "cubic", 5_000);

        assertTrue(BulkWindow.open(List.of(), 0).isEmpty());
        assertTrue(BulkWindow.open(List.of(bulk, other), 0).isEmpty());
        Measurement gone = BulkWindow.open(List.of(bulk), 0).orElseThrow()
                .close(List.of(other), 1_000_000_000L, layout, "bulk-vs-query", "i2-only", "bulk:photo", 1);
        assertFalse(gone.valid());
    }

    private static Description paper() {
        try {
            return Descriptions.load("paper");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sigetCommandIsTheLabsCall() {
        SigetCommand page = SigetCommand.page("http://news.lab/news/index.html", Optional.of("query"), true,
                Path.of("/r/news.csv"), Path.of("/r/downloads"));
        SigetCommand bulk = SigetCommand.file("http://bulk.lab/bulk/bulk.bin", Optional.of("bulk"), false,
                Path.of("/r/bulk.csv"));

        assertEquals(List.of("/s/siget", "-q", "--mam-socket", "/r/mam.sock", "--timings", "/r/news.csv",
                "--timings-format", "csv", "--category", "query", "--filesize", "auto", "-p", "-P", "/r/downloads",
                "http://news.lab/news/index.html"), page.argv(Path.of("/s/siget"), Path.of("/r/mam.sock")));
        assertEquals(List.of("/s/siget", "-q", "--mam-socket", "/r/mam.sock", "--timings", "/r/bulk.csv",
                "--timings-format", "csv", "--category", "bulk", "-O", "/dev/null", "http://bulk.lab/bulk/bulk.bin"),
                bulk.argv(Path.of("/s/siget"), Path.of("/r/mam.sock")));
    }

    @Test
    void timingsAreReadWithQuotedFields() throws IOException {
        List<Timing> timings = TimingsFile.parse(TIMINGS, "t.csv");

        assertEquals(4, timings.size());
        assertEquals("rest", timings.get(2).phase());
        assertEquals(40000, timings.get(2).objectSize().getAsLong());
        assertEquals("i2", timings.get(2).linkName());
        assertFalse(timings.get(2).failed());
        assertEquals("connect timed out, \"twice\"", timings.get(3).error());
        assertTrue(timings.get(3).failed());
        assertThrows(IOException.class, () -> TimingsFile.parse("url,phase\nx,y\n", "bad.csv"));
    }

    @Test
    void pageMeasurementSpansFirstStartToLastEndAndCountsLinksAndFailures() throws IOException {
        List<Timing> timings = TimingsFile.parse(TIMINGS, "t.csv");

        Measurement page = Measurement.of("bulk-vs-query", "category", "news", 3, timings, false);
        Measurement object = Measurement.of("filesize-sweep", "i1-only", "object", 1, timings.subList(1, 3), true);

        assertEquals(1700, page.millis());
        assertEquals(4632 + 15360 + 24640, page.bytes());
        assertEquals("i1=2 i2=1 none=1", page.requestsByLink());
        assertEquals(1, page.failedRequests());
        assertFalse(page.valid());
        assertEquals(1300, object.millis());
        assertEquals(40000, object.bytes());
        assertTrue(object.valid());
    }

    @Test
    void measurementsSurviveTheirFile(@TempDir Path dir) throws IOException {
        List<Timing> timings = TimingsFile.parse(TIMINGS, "t.csv");
        Measurement a = Measurement.of("offload", "round-robin", "news", 1, timings.subList(0, 3), false);
        Measurement empty = Measurement.of("offload", "round-robin", "photo", 1, List.of(), false);
        Path file = dir.resolve(MeasurementsFile.NAME);

        MeasurementsFile.append(file, List.of(a));
        MeasurementsFile.append(file, List.of(empty));

        List<Measurement> read = MeasurementsFile.read(file);
        assertEquals(a, read.get(0));
        assertFalse(read.get(1).valid());
        assertEquals(2, read.size());
    }

    @Test
    void scenariosAreFoundByNameAndProfilesCoverThem() {
        assertEquals(3, ScenarioRunner.named(List.of("all")).size());
        assertEquals(List.of(FileSizeSweep.NAME), ScenarioRunner.named(List.of(FileSizeSweep.NAME)).stream()
                .map(Scenario::name).toList());
        assertThrows(IllegalArgumentException.class, () -> ScenarioRunner.named(List.of("scenario-9")));
        for (Scenario s : ScenarioRunner.named(List.of())) {
            assertEquals(1, RunProfile.SMOKE.repetitions(s));
        }
        for (RunProfile profile : RunProfile.ALL) {
            assertTrue(profile.bulkBytes() >= 48_000_000, profile.name());
            assertEquals(profile, RunProfile.named(profile.name()));
        }
        assertThrows(IllegalArgumentException.class, () -> RunProfile.named("weekend"));
    }

    @Test
    void thePaperProfileIsThePapersEvaluation() {
        List<Scenario> scenarios = ScenarioRunner.named(List.of());
        List<Long> sweep = RunProfile.PAPER.sweepSizes();

        assertEquals(List.of(30, 5, 15), scenarios.stream().map(RunProfile.PAPER::repetitions).toList());
        assertEquals(200, sweep.size(), "10 KiB to 2000 KiB in the paper's 10 KiB steps");
        assertEquals(10 * 1024, sweep.get(0));
        assertEquals(20 * 1024, sweep.get(1));
        assertEquals(30 * 1024, sweep.get(2));
        assertEquals(2000 * 1024, sweep.get(sweep.size() - 1));
        assertEquals(1, RunProfile.PAPER.pageStride(), "the paper's pages, whole");
        RunProfile five = RunProfile.PAPER.withRepetitions(scenarios.subList(0, 1), 5);
        assertEquals(5, five.repetitions(scenarios.get(0)));
        assertEquals(sweep, five.sweepSizes());
    }
}
