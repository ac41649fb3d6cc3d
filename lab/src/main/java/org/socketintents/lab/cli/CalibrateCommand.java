package org.socketintents.lab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.socketintents.lab.calibrate.Calibration;
import org.socketintents.lab.calibrate.CalibrationReport;
import org.socketintents.lab.calibrate.Criteria;
import org.socketintents.lab.calibrate.GoodputMeter;
import org.socketintents.lab.calibrate.PingProbe;
import org.socketintents.lab.calibrate.RttProbe;
import org.socketintents.lab.calibrate.UdpEchoProbe;
import org.socketintents.lab.os.Shell;
import org.socketintents.lab.testbed.LabState;

/** "lab calibrate": measures every link of the running lab both ways; fails when a link is off its description. */
final class CalibrateCommand implements Command {

    private static final String PINGS = "--pings";
    private static final String SECONDS = "--seconds";
    private static final String OUT = "--out";
    private static final String UDP = "--udp";

    @Override
    public String name() {
        return "calibrate";
    }

    @Override
    public String usage() {
        return "calibrate [--name N] [--pings 500] [--seconds 6] [--udp] [--out FILE.md]   RTT (ping, or UDP echo)"
                + " and TCP goodput per link and direction";
    }

    @Override
    public int run(List<String> args) throws Exception {
        Options options = Options.parse(args, Set.of(LabOptions.NAME, PINGS, SECONDS, OUT), Set.of(UDP))
                .atMostPositionals(0);
        LabState state = LabState.of(LabOptions.name(options));
        int pings = (int) options.number(PINGS, 500, 10, 100_000);
        long seconds = options.number(SECONDS, 6, 1, 600);
        RttProbe probe = !options.flag(UDP) && PingProbe.available() ? new PingProbe(new Shell()) : new UdpEchoProbe();
        GoodputMeter meter = new GoodputMeter(Duration.ofSeconds(2), Duration.ofSeconds(seconds));
        CalibrationReport report = new Calibration(probe, meter, Criteria.DEFAULT, pings).run(state.layout());
        String text = String.format("RTT by %s, %d probes 10 ms apart; goodput of one TCP flow over %d s after 2 s"
                + " of warm-up; load average before: %s%n%n%s", report.method(), pings, seconds, loadAverage(),
                report.table());
        System.out.print(text);
        Path out = options.path(OUT, null);
        if (out != null) {
            Files.writeString(out, text);
        }
        System.out.println(report.passed() ? "calibration passed" : "calibration FAILED");
        return report.passed() ? 0 : 1;
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
