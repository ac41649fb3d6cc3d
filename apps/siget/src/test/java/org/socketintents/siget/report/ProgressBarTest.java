package org.socketintents.siget.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void rendersShareBytesObjectsAndRate() {
        AtomicLong clock = new AtomicLong();
        ProgressBar bar = new ProgressBar(new Console(new PrintStream(new ByteArrayOutputStream()), false), clock::get);
        bar.expect(4_000_000);
        bar.received(1_000_000);
        bar.objectDone();
        clock.set(TimeUnit.SECONDS.toNanos(2));

        assertEquals(" 25% [=======>                      ] 1.0 MB  1 file  500.0 KB/s", bar.render(clock.get()));
    }

    @Test
    void messagesClearTheBarAndDrawItAgain() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(err, true), false);
        console.status("[bar]");
        console.info("saved 'x'");
        console.endStatus();

        assertEquals("\r\033[K[bar]\r\033[Ksiget: saved 'x'\n[bar]\n", err.toString().replace(System.lineSeparator(), "\n"));
    }
}
