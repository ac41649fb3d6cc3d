package org.socketintents.siget.report;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * A progress bar for all downloads of a run together, for a terminal: the share of the announced bytes that has
 * arrived, the bytes, the objects done and the rate. Redrawn at most ten times a second.
 */
public final class ProgressBar implements Progress {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final Console console;
    private final LongSupplier nanoClock;
    private final long started;
    private long expected;
    private long received;
    private int objects;
    private long lastDrawn;

    /**
     * @param console   where the bar is drawn
     * @param nanoClock the clock, {@link System#nanoTime()} outside tests
     */
    public ProgressBar(Console console, LongSupplier nanoClock) {
        this.console = console;
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
        this.lastDrawn = started - REDRAW_NANOS;
    }

    @Override
    public synchronized void expect(long bytes) {
        expected += bytes;
        draw(false);
    }

    @Override
    public synchronized void received(long bytes) {
        received += bytes;
        draw(false);
    }

    @Override
    public synchronized void objectDone() {
        objects++;
        draw(true);
    }

    @Override
    public synchronized void close() {
        draw(true);
        console.endStatus();
    }

    private void draw(boolean now) {
        long time = nanoClock.getAsLong();
        if (!now && time - lastDrawn < REDRAW_NANOS) {
            return;
        }
        lastDrawn = time;
        console.status(render(time));
    }

    /** @return for example {@code " 42% [============>                 ] 1.2 MB  3 files  850 KB/s"} */
    String render(long time) {
        double share = expected > 0 ? Math.min(1.0, (double) received / expected) : 0;
        int filled = (int) Math.round(share * WIDTH);
        char[] bar = new char[WIDTH];
        Arrays.fill(bar, 0, filled, '=');
        Arrays.fill(bar, filled, WIDTH, ' ');
        if (filled > 0 && filled < WIDTH) {
            bar[filled - 1] = '>';
        }
        double seconds = Math.max(1e-3, (time - started) / 1e9);
        return String.format(Locale.ROOT, "%3d%% [%s] %s  %d file%s  %s/s", Math.round(share * 100), new String(bar),
                bytes(received), objects, objects == 1 ? "" : "s", bytes((long) (received / seconds)));
    }

    private static String bytes(long count) {
        if (count < 1000) {
            return count + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = count;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
