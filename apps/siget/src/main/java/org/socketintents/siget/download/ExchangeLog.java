package org.socketintents.siget.download;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import org.socketintents.api.Intents;
import org.socketintents.siget.http.ConnectionFacts;
import org.socketintents.siget.report.TimingRecord;

/** Collects what one exchange did, for its timing record. Used by one thread. */
final class ExchangeLog {

    private final URI url;
    private final Phase phase;
    private final int attempt;
    private final long rangeStart;
    private final Intents intents;
    private final long start;
    private int status;
    private long firstByte = -1;
    private long bytes;
    private long objectSize = -1;
    private Optional<ConnectionFacts> connection = Optional.empty();
    private String error = "";

    ExchangeLog(URI url, Phase phase, int attempt, long rangeStart, Intents intents, long start) {
        this.url = url;
        this.phase = phase;
        this.attempt = attempt;
        this.rangeStart = rangeStart;
        this.intents = intents;
        this.start = start;
    }

    void responded(int code, long time) {
        status = code;
        firstByte = time;
    }

    void objectSize(long size) {
        objectSize = size;
    }

    void received(long count) {
        bytes += count;
    }

    void connection(Optional<ConnectionFacts> facts) {
        connection = facts;
    }

    void failed(Exception e) {
        error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    TimingRecord toRecord(long end) {
        return new TimingRecord(url.toString(), phase.label(), attempt, status, rangeStart, bytes, objectSize,
                intents.toString(),
                connection.map(ConnectionFacts::interfaceName).orElse(""),
                connection.map(facts -> address(facts.local())).orElse(""),
                connection.map(facts -> address(facts.remote())).orElse(""),
                connection.map(facts -> facts.reused() ? "reused" : "new").orElse(""),
                start, firstByte, end, error,
                connection.map(facts -> facts.transport().name().toLowerCase(Locale.ROOT)).orElse(""));
    }

    private static String address(InetSocketAddress address) {
        if (address == null) {
            return "";
        }
        String host = address.getAddress().getHostAddress();
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
