package org.socketintents.lab.calibrate;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.socketintents.lab.calibrate.CalibrationReport.GoodputFigure;
import org.socketintents.lab.calibrate.CalibrationReport.RttFigure;
import org.socketintents.lab.calibrate.RttProbe.Endpoint;
import org.socketintents.lab.topology.Direction;
import org.socketintents.lab.topology.Layout;
import org.socketintents.lab.topology.LinkLayout;

/** Measures every link of a running lab both ways and holds the figures against {@link Criteria}. */
public final class Calibration {

    private final RttProbe probe;
    private final GoodputMeter meter;
    private final Criteria criteria;
    private final int pings;

    public Calibration(RttProbe probe, GoodputMeter meter, Criteria criteria, int pings) {
        this.probe = probe;
        this.meter = meter;
        this.criteria = criteria;
        this.pings = pings;
    }

    public CalibrationReport run(Layout layout) throws IOException, InterruptedException {
        List<RttFigure> rtts = new ArrayList<>();
        List<GoodputFigure> goodputs = new ArrayList<>();
        for (LinkLayout link : layout.links()) {
            Endpoint client = new Endpoint(layout.clientNamespace(), link.clientAddress());
            Endpoint server = new Endpoint(layout.serverNamespace(), link.serverAddress());
            double configured = link.link().rtt().toNanos() / 1e6;
            rtts.add(rtt(link, "client", client, server, configured));
            rtts.add(rtt(link, "server", server, client, configured));
            for (Direction direction : Direction.values()) {
                long rate = link.link().pipe(direction).rate().bitsPerSecond();
                double measured = direction == Direction.DOWN
                        ? meter.bitsPerSecond(server, client)
                        : meter.bitsPerSecond(client, server);
                goodputs.add(new GoodputFigure(link.link().name(), direction, rate, measured,
                        criteria.goodputOk(rate, measured)));
            }
        }
        return new CalibrationReport(probe.method(), rtts, goodputs);
    }

    private RttFigure rtt(LinkLayout link, String from, Endpoint source, Endpoint target, double configured)
            throws IOException {
        Summary summary = Summary.of(probe.rttMillis(source, target, pings));
        return new RttFigure(link.link().name(), from, configured, summary, criteria.rttOk(configured, summary.mean()));
    }
}
